//! Command-line arguments, parsed by hand: the grammar is small and a parser
//! crate would cost more build time than it saves.

/// The usage text printed by `--help` and on usage errors.
pub const USAGE: &str = "\
usage:
  newsclaims analyze [--json] [--outlet NAME] [--published YYYY-MM-DD] FILE...
  newsclaims compare [--json] FILE...
  newsclaims demo [--json]
  newsclaims throughput [FILE...]
  newsclaims --help | --version

  analyze     one analysis per file: article, entities, claims (`-` reads stdin)
  compare     compare articles on one story: corroboration, conflicts, copies
  demo        compare the embedded sample story (five invented outlets)
  throughput  MB/s of each stage on one core, over FILEs or the sample story

options:
  --json                 print JSON (schema newsclaims/1) instead of a report
  --outlet NAME          the outlet of the files given (wins over the byline)
  --published DATE       their publication date, YYYY-MM-DD";

/// Which subcommand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Analyze,
    Compare,
    Demo,
    Throughput,
    Help,
    Version,
}

/// Parsed arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub command: Command,
    pub json: bool,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub files: Vec<String>,
}

/// Parses the arguments after the program name.
pub fn parse(argv: &[String]) -> Result<Options, String> {
    let mut args = argv.iter();
    let command = match args.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => Command::Help,
        Some("-V" | "--version" | "version") => Command::Version,
        Some("analyze" | "analyse") => Command::Analyze,
        Some("compare") => Command::Compare,
        Some("demo") => Command::Demo,
        Some("throughput") => Command::Throughput,
        Some(other) => return Err(format!("unknown command `{other}`")),
    };
    let mut options = Options {
        command,
        json: false,
        outlet: None,
        published: None,
        files: Vec::new(),
    };
    let mut only_files = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            _ if only_files => options.files.push(arg.clone()),
            "--" => only_files = true,
            "--json" => options.json = true,
            "--outlet" => options.outlet = Some(value(&mut args, "--outlet")?),
            "--published" => options.published = Some(value(&mut args, "--published")?),
            "-h" | "--help" => options.command = Command::Help,
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file => options.files.push(file.to_string()),
        }
    }
    let needs_files = matches!(options.command, Command::Analyze | Command::Compare);
    if needs_files && options.files.is_empty() {
        return Err("no input files given".to_string());
    }
    Ok(options)
}

fn value<'a>(args: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<String, String> {
    args.next()
        .cloned()
        .ok_or_else(|| format!("`{flag}` needs a value"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Options, String> {
        parse(&s.split_whitespace().map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn analyze_takes_files_and_flags() {
        let o = parse_str("analyze --json a.txt --outlet X b.txt");
        let o = o.expect("valid arguments");
        assert_eq!(o.command, Command::Analyze);
        assert!(o.json);
        assert_eq!(o.outlet.as_deref(), Some("X"));
        assert_eq!(o.files, ["a.txt", "b.txt"]);
    }

    #[test]
    fn usage_errors_are_reported() {
        assert!(parse_str("analyze").is_err());
        assert!(parse_str("analyze --nope a").is_err());
        assert!(parse_str("frobnicate").is_err());
        assert!(parse_str("analyze --outlet").is_err());
    }
}
