//! A static file server for the demo page (issue #7), in std only.
//!
//! `cargo xtask serve [PORT]` serves the repository root on `127.0.0.1:PORT`
//! (8080 by default), so that `www/index.html` can import `../pkg/index.web.js`
//! exactly as a user's static server would. It exists so that trying the demo
//! and running its browser test need nothing beyond cargo: no Python, no npm
//! server package.
//!
//! Deliberately small: HTTP/1.1 `GET` and `HEAD`, one response per connection
//! (`Connection: close`), a thread per connection. Paths are percent-decoded,
//! any `..`, backslash or NUL is refused, and the resolved file must still lie
//! under the root after symlinks are followed, so nothing outside the
//! repository is ever served.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crate::Result;

/// The port of `cargo xtask serve` when none is given.
const DEFAULT_PORT: u16 = 8080;

/// The page a bare `/` redirects to.
const DEMO_PATH: &str = "/www/";

/// Serves the repository root on 127.0.0.1 until the process is stopped.
pub fn run(root: &Path, port: Option<&str>) -> Result {
    let port = match port {
        None => DEFAULT_PORT,
        Some(p) => p
            .parse::<u16>()
            .map_err(|_| format!("`{p}` is not a port number (0-65535)"))?,
    };
    let server = Server::start(root, port)?;
    println!("\nServing {} (Ctrl-C stops)", root.display());
    println!("Demo page: {}", server.url());
    server.wait();
    Ok(())
}

/// A running server; [`Server::stop`] ends it.
pub struct Server {
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Binds `127.0.0.1:port` (0 picks a free port) and serves `root` from a
    /// background thread.
    pub fn start(root: &Path, port: u16) -> Result<Self> {
        let root = root
            .canonicalize()
            .map_err(|e| format!("cannot serve {}: {e}", root.display()))?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        let addr = listener
            .local_addr()
            .map_err(|e| format!("cannot read the listening address: {e}"))?;
        let stopping = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stopping);
        let root = Arc::new(root);
        let thread = std::thread::spawn(move || accept_loop(&listener, &root, &flag));
        Ok(Server {
            addr,
            stopping,
            thread: Some(thread),
        })
    }

    /// The demo page's URL, e.g. `http://127.0.0.1:8080/www/`.
    pub fn url(&self) -> String {
        format!("http://{}{DEMO_PATH}", self.addr)
    }

    /// Blocks until the server thread ends (for `cargo xtask serve`: never).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// Stops accepting connections and waits for the accept loop to end.
    pub fn stop(mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // `accept` blocks; one last connection wakes it up to see the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn accept_loop(listener: &TcpListener, root: &Arc<PathBuf>, stopping: &AtomicBool) {
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let root = Arc::clone(root);
        std::thread::spawn(move || {
            // A client that goes away mid-response is not our problem.
            let _ = handle(stream, &root);
        });
    }
}

/// A response before its body is attached.
struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Response {
    fn text(status: &'static str, message: &str) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status}: {message}\n").into_bytes(),
            location: None,
        }
    }
}

fn handle(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    // Bounded read: a request line longer than 8 KiB is refused, not buffered.
    (&mut reader).take(8192).read_line(&mut request_line)?;
    // Drain the headers; none of them changes what is served.
    loop {
        let mut line = String::new();
        let n = (&mut reader).take(8192).read_line(&mut line)?;
        if n == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("");
    let head_only = method == "HEAD";
    let response = if method != "GET" && !head_only {
        Response::text("405 Method Not Allowed", "only GET and HEAD")
    } else {
        respond(root, target)
    };
    write_response(stream, &response, head_only)
}

fn write_response(mut stream: TcpStream, r: &Response, head_only: bool) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        r.status,
        r.content_type,
        r.body.len()
    );
    if let Some(location) = &r.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

/// Maps a request target to a response: a file, a redirect or an error.
fn respond(root: &Path, target: &str) -> Response {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == "/" {
        return redirect(DEMO_PATH);
    }
    let Some(relative) = safe_relative_path(path) else {
        return Response::text("400 Bad Request", "bad path");
    };
    let mut file = root.join(&relative);
    if file.is_dir() {
        if !path.ends_with('/') {
            return redirect(&format!("{path}/"));
        }
        file = file.join("index.html");
    }
    // Symlinks could lead out of the root: compare canonical paths.
    let Ok(real) = file.canonicalize() else {
        return Response::text("404 Not Found", path);
    };
    if !real.starts_with(root) || !real.is_file() {
        return Response::text("404 Not Found", path);
    }
    match std::fs::read(&real) {
        Ok(body) => Response {
            status: "200 OK",
            content_type: mime_type(&real),
            body,
            location: None,
        },
        Err(_) => Response::text("403 Forbidden", path),
    }
}

fn redirect(location: &str) -> Response {
    Response {
        location: Some(location.to_string()),
        ..Response::text("301 Moved Permanently", location)
    }
}

/// The percent-decoded path without its leading `/`, or `None` if it could
/// name anything outside the root.
fn safe_relative_path(path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path.strip_prefix('/')?)?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut out = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s => out.push(s),
        }
    }
    Some(out)
}

/// Decodes `%XX` escapes; `None` on a malformed escape or non-UTF-8 result.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` of a file, by extension. Browsers refuse to compile
/// streamed wasm without `application/wasm` and module scripts without a
/// JavaScript type, hence the exact values.
fn mime_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json" | "map") => "application/json; charset=utf-8",
        Some("txt" | "md" | "ts" | "tsv") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_traversal() {
        assert_eq!(safe_relative_path("/../etc/passwd"), None);
        assert_eq!(safe_relative_path("/www/%2e%2e/%2e%2e/etc"), None);
        assert_eq!(safe_relative_path("/www/..%5c..%5cetc"), None);
        assert_eq!(safe_relative_path("/a%00b"), None);
        assert_eq!(safe_relative_path("/a%zz"), None);
        assert_eq!(safe_relative_path("relative"), None);
        assert_eq!(
            safe_relative_path("/www/./app.js"),
            Some(PathBuf::from("www/app.js"))
        );
        assert_eq!(
            safe_relative_path("/a%20b.txt"),
            Some(PathBuf::from("a b.txt"))
        );
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime_type(Path::new("x.wasm")), "application/wasm");
        assert!(mime_type(Path::new("x.mjs")).starts_with("text/javascript"));
        assert!(mime_type(Path::new("x.JS")).starts_with("text/javascript"));
        assert!(mime_type(Path::new("index.html")).starts_with("text/html"));
    }

    fn get(addr: &str, target: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(s, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn serves_files_and_stops() {
        let root = crate::workspace_root();
        let server = Server::start(&root, 0).unwrap();
        let addr = server.addr.to_string();
        let ok = get(&addr, "/xtask/Cargo.toml");
        assert!(ok.starts_with("HTTP/1.1 200 OK"), "{ok}");
        assert!(ok.contains("name = \"xtask\""));
        assert!(get(&addr, "/").contains("Location: /www/"));
        assert!(get(&addr, "/xtask").contains("Location: /xtask/"));
        assert!(get(&addr, "/../Cargo.toml").starts_with("HTTP/1.1 400"));
        assert!(get(&addr, "/no/such/file").starts_with("HTTP/1.1 404"));
        server.stop();
    }
}
