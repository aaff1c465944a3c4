//! Records the commit the binary is built from, for `--version` ("0.1.0 (commit 1a2b3c4)"). A
//! source tarball without git says "unknown commit"; a tree with changes adds "+changes".

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn main() {
    let commit = git(&["rev-parse", "--short=12", "HEAD"]);
    let dirty =
        git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    let version = match commit {
        Some(c) if dirty => format!("commit {c}+changes"),
        Some(c) => format!("commit {c}"),
        None => "unknown commit".to_owned(),
    };
    println!("cargo:rustc-env=JWT_DEBUGGER_BUILD={version}");
    // Rebuilt when HEAD moves (a commit, a checkout), not on every build.
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        println!("cargo:rerun-if-changed={dir}/HEAD");
        println!("cargo:rerun-if-changed={dir}/index");
        if let Some(head_ref) = git(&["symbolic-ref", "-q", "HEAD"]) {
            println!("cargo:rerun-if-changed={dir}/{head_ref}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
