//! Build-time work, so that a short command does none of it at start-up:
//! - the commit the binary is built from, for `--version` ("0.1.0 (commit 1a2b3c4)"); a source
//!   tarball without git says "unknown commit", a tree with changes adds "+changes";
//! - where each message is in the `.ftl` catalogues (`i18n_index.rs`): at run time a message is
//!   found by binary search and parsed the first time it is shown, instead of every catalogue
//!   line being scanned and hashed at start;
//! - the bundled claim dictionary (`claims_table.rs`) as a table, instead of JSON parsed at start;
//! - the well-known HMAC secrets (`weak_secrets_table.rs`) sorted, as spans of the bundled list,
//!   so that "is this key one of them" is a binary search, not a set built at start;
//! - the Unicode TR39 confusables (`confusables_table.rs`), from unicode-security, whose own table
//!   is thousands of `&[char]` slices (a relocation each at every start);
//! - the command line's function order (`packaging/link-order.txt`), handed to the linker for a
//!   release build: see [`link_order`];
//! - the command line's unwinder linked in rather than loaded (libgcc_eh instead of
//!   libgcc_s.so.1): see [`static_unwinder`].
//!
//! The generated tables hold integers and one string each (offsets into it), never `&str`
//! members: every pointer in a static is a load-time relocation in a position-independent binary.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn version() {
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
}

/// Strings laid end to end, each named by its (start, end) in the whole.
#[derive(Default)]
struct Strings {
    text: String,
}

impl Strings {
    fn add(&mut self, s: &str) -> (usize, usize) {
        let start = self.text.len();
        self.text.push_str(s);
        (start, self.text.len())
    }
}

/// Splits `.ftl` text into messages: a message starts on a line that begins with its id and
/// ` =`, and runs until the next line that starts another message or a comment (a select
/// expression's closing `}` may stand at the margin: it belongs to the message). Later files
/// override earlier ones, message by message.
fn index_messages(file: usize, text: &str, into: &mut BTreeMap<String, (usize, usize, usize)>) {
    let mut current: Option<(String, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let starts_entry = line
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '#');
        if starts_entry {
            if let Some((id, start)) = current.take() {
                into.insert(id, (file, start, offset));
            }
            if !line.starts_with('#')
                && let Some((id, _)) = line.split_once(" =")
            {
                current = Some((id.trim().to_owned(), offset));
            }
        }
        offset += line.len();
    }
    if let Some((id, start)) = current {
        into.insert(id, (file, start, text.len()));
    }
}

/// The text of an input file, which the build is then run again for when it changes.
fn read_input(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn catalogue_index(manifest: &Path, out: &mut String) {
    for lang in ["en", "ko"] {
        let mut index = BTreeMap::new();
        for (file, name) in ["main.ftl", "core.ftl"].iter().enumerate() {
            let text = read_input(&manifest.join("assets/i18n").join(lang).join(name));
            index_messages(file, &text, &mut index);
        }
        let mut ids = Strings::default();
        let mut rows = String::new();
        // BTreeMap order is byte order, which is what `str::cmp` and the binary search use.
        for (id, (file, start, end)) in &index {
            let (a, b) = ids.add(id);
            writeln!(rows, "    ({a}, {b}, {file}, {start}, {end}),")
                .expect("a String takes any text");
        }
        let upper = lang.to_uppercase();
        writeln!(
            out,
            "/// The message ids of the {lang} catalogue, end to end, sorted.\n\
             const IDS_{upper}: &str = {:?};\n\
             /// Per message, sorted by id: the id's span in `IDS_{upper}`, the file (0 main.ftl,\n\
             /// 1 core.ftl) and the message's span in that file.\n\
             const INDEX_{upper}: &[(u32, u32, u8, u32, u32)] = &[\n{rows}];\n",
            ids.text
        )
        .expect("a String takes any text");
    }
}

fn claims_table(manifest: &Path, out: &mut String) {
    let path = manifest.join("assets/claims.json");
    let text = read_input(&path);
    let doc: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut strings = Strings::default();
    for table in ["claims", "header"] {
        let entries = doc[table]
            .as_object()
            .unwrap_or_else(|| panic!("{}: no \"{table}\" object", path.display()));
        let mut rows = String::new();
        // Sorted by name in byte order: the run-time lookup is a binary search.
        let mut entries: Vec<_> = entries.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        for (name, entry) in entries {
            let field = |key: &str| entry.get(key).and_then(|v| v.as_str()).unwrap_or("");
            let title = entry
                .get("title")
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("{}: {table}.{name} has no title", path.display()));
            let (n0, n1) = strings.add(name);
            let (t0, t1) = strings.add(title);
            let (s0, s1) = strings.add(field("spec"));
            let (d0, d1) = strings.add(field("description"));
            let time = entry.get("time").and_then(|v| v.as_bool()).unwrap_or(false);
            writeln!(
                rows,
                "    [{n0}, {n1}, {t0}, {t1}, {s0}, {s1}, {d0}, {d1}, {}],",
                u32::from(time)
            )
            .expect("a String takes any text");
        }
        writeln!(
            out,
            "/// The bundled dictionary's {table}: name, title, spec and description as spans of\n\
             /// `CLAIM_STRINGS`, then 1 when the value is a NumericDate.\n\
             const BUNDLED_{}: &[[u32; 9]] = &[\n{rows}];\n",
            table.to_uppercase()
        )
        .expect("a String takes any text");
    }
    writeln!(
        out,
        "/// Every string of the bundled dictionary, end to end.\nconst CLAIM_STRINGS: &str = {:?};",
        strings.text
    )
    .expect("a String takes any text");
}

/// The lines of `assets/weak-secrets.txt` that are secrets (not blank, not `#` comments) as their
/// spans in the file, sorted by the secret's bytes.
fn weak_secrets_table(manifest: &Path, out: &mut String) {
    let text = read_input(&manifest.join("assets/weak-secrets.txt"));
    let mut spans = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let secret = line.strip_suffix('\n').unwrap_or(line);
        if !secret.is_empty() && !secret.starts_with('#') {
            spans.push((offset, offset + secret.len()));
        }
        offset += line.len();
    }
    spans.sort_by(|a, b| text[a.0..a.1].cmp(&text[b.0..b.1]));
    spans.dedup_by(|a, b| text[a.0..a.1] == text[b.0..b.1]);
    let rows: String = spans
        .iter()
        .map(|(a, b)| format!("    ({a}, {b}),\n"))
        .collect();
    writeln!(
        out,
        "/// The secrets of `assets/weak-secrets.txt` as spans of the file, sorted by their bytes.\n\
         const WEAK_SECRETS_SORTED: &[(u32, u32)] = &[\n{rows}];"
    )
    .expect("a String takes any text");
}

/// For every character that NFD leaves as it is and whose TR39 skeleton differs from it: the
/// skeleton (its prototype, in NFD; empty for a default-ignorable character). Characters that
/// NFD changes are never mapped themselves: the skeleton decomposes first.
fn confusables_table(out: &mut String) {
    use unicode_normalization::UnicodeNormalization as _;
    let mut text = Strings::default();
    let mut rows = String::new();
    let mut count = 0;
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        let mut one = [0_u8; 4];
        let as_str: &str = c.encode_utf8(&mut one);
        if as_str.nfd().ne(std::iter::once(c)) {
            continue;
        }
        let skeleton: String = unicode_security::confusable_detection::skeleton(as_str).collect();
        if skeleton != as_str {
            let (a, b) = text.add(&skeleton);
            writeln!(rows, "    ({}, {a}, {b}),", u32::from(c)).expect("a String takes any text");
            count += 1;
        }
    }
    writeln!(
        out,
        "/// {count} characters by code point: the span of their skeleton in `SKELETON_TEXT`.\n\
         const PROTOTYPES: &[(u32, u32, u32)] = &[\n{rows}];\n\
         /// The skeletons, end to end.\n\
         const SKELETON_TEXT: &str = {:?};",
        text.text
    )
    .expect("a String takes any text");
}

/// Asks the linker to lay out side by side the functions a short command runs (listed in
/// `packaging/link-order.txt` by `packaging/link-order.sh`), instead of wherever link-time
/// optimisation left them across 8 MB of code. Each first touch of a 64 KiB stretch of the
/// program is a page fault of several microseconds, and a `decode` touched about 40 of them: the
/// layout is most of what a short command's start-up costs beyond the dynamic loader's own work
/// (BENCHMARKS.md, `decode` as a whole process).
///
/// Only where the linker is known to be LLD, which reads `--symbol-ordering-file`: release
/// builds for x86-64 Linux with rustc 1.90 or later (whose default linker it is) and no linker
/// chosen by configuration. A name the file holds and the binary lacks (another compiler, other
/// dependency versions) is skipped without a word: the order then helps less, nothing breaks.
fn link_order(manifest: &Path) {
    let file = manifest.join("packaging/link-order.txt");
    println!("cargo:rerun-if-changed={}", file.display());
    println!("cargo:rerun-if-env-changed=RUSTFLAGS");
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    let linker_chosen = !env("RUSTC_LINKER").is_empty()
        || env("CARGO_ENCODED_RUSTFLAGS").contains("link")
        || env("RUSTFLAGS").contains("link");
    if env("PROFILE") != "release"
        || env("TARGET") != "x86_64-unknown-linux-gnu"
        || linker_chosen
        || !file.is_file()
    {
        return;
    }
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let minor = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| {
            // "rustc 1.95.0 (59807616e 2026-04-14)"
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let version = text.split_whitespace().nth(1)?.to_owned();
            let mut parts = version.split('.');
            (parts.next()? == "1").then_some(())?;
            parts.next()?.parse::<u32>().ok()
        });
    if minor.is_some_and(|m| m >= 90) {
        println!(
            "cargo:rustc-link-arg-bin=jwt-debugger=-Wl,--symbol-ordering-file={}",
            file.display()
        );
        println!("cargo:rustc-link-arg-bin=jwt-debugger=-Wl,--no-warn-symbol-ordering");
    }
}

/// Links the command line's unwinder (libgcc_eh.a) into it, instead of loading libgcc_s.so.1 at
/// every start, as `gcc -static-libgcc` does for C++ programs. Rust's standard library asks for
/// `-lgcc_s` by name on Linux with glibc, so a directory searched first holds a `libgcc_s.so`
/// that is a one-line linker script naming the static library. Measured on `decode`: libgcc_s's
/// constructor identifies the CPU with a series of `cpuid` instructions, each a trap to the
/// hypervisor on a virtual machine (6 % of the process in a profile), and the library costs a
/// mapping, relocations and symbol lookups; without it a process starts about 150 µs sooner
/// here. Nothing else changes: panics unwind and backtraces print through the same code.
///
/// Only for native builds on Linux with glibc whose C compiler knows where libgcc_eh.a is;
/// anywhere else the program links as usual. Every profile, so that the tests run what ships.
fn static_unwinder(out_dir: &Path) {
    println!("cargo:rerun-if-env-changed=CC");
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    if env("CARGO_CFG_TARGET_OS") != "linux"
        || env("CARGO_CFG_TARGET_ENV") != "gnu"
        || env("TARGET") != env("HOST")
    {
        return;
    }
    let cc = std::env::var_os("CC").unwrap_or_else(|| "cc".into());
    let Some(archive) = Command::new(cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()
        .map(|out| std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
        .filter(|path| path.is_absolute() && path.is_file())
    else {
        return;
    };
    let dir = out_dir.join("static-unwinder");
    let script = format!("INPUT({})\n", archive.display());
    if std::fs::create_dir_all(&dir).is_ok()
        && std::fs::write(dir.join("libgcc_s.so"), script).is_ok()
    {
        println!("cargo:rustc-link-arg-bin=jwt-debugger=-L{}", dir.display());
    }
}

fn main() {
    version();
    let manifest = std::path::PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out_dir =
        std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut index = String::from("// Generated by build.rs from assets/i18n/*/*.ftl.\n\n");
    catalogue_index(&manifest, &mut index);
    std::fs::write(out_dir.join("i18n_index.rs"), index).expect("write i18n_index.rs");
    let mut claims = String::from("// Generated by build.rs from assets/claims.json.\n\n");
    claims_table(&manifest, &mut claims);
    std::fs::write(out_dir.join("claims_table.rs"), claims).expect("write claims_table.rs");
    let mut secrets = String::from("// Generated by build.rs from assets/weak-secrets.txt.\n\n");
    weak_secrets_table(&manifest, &mut secrets);
    std::fs::write(out_dir.join("weak_secrets_table.rs"), secrets)
        .expect("write weak_secrets_table.rs");
    let mut confusables =
        String::from("// Generated by build.rs from unicode-security's confusables.\n\n");
    confusables_table(&mut confusables);
    std::fs::write(out_dir.join("confusables_table.rs"), confusables)
        .expect("write confusables_table.rs");
    link_order(&manifest);
    static_unwinder(&out_dir);
    println!("cargo:rerun-if-changed=build.rs");
}
