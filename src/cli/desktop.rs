//! Being a desktop citizen from the command line: shell completions, a man page, and installing
//! the desktop entry, AppStream metadata and icons into the user's XDG data folder.

use std::path::{Path, PathBuf};

use clap::CommandFactory as _;

use super::Cli;

/// The icon sizes shipped in `assets/icons/`.
const ICONS: &[(u32, &[u8])] = &[
    (16, include_bytes!("../../assets/icons/jwt-debugger-16.png")),
    (32, include_bytes!("../../assets/icons/jwt-debugger-32.png")),
    (48, include_bytes!("../../assets/icons/jwt-debugger-48.png")),
    (64, include_bytes!("../../assets/icons/jwt-debugger-64.png")),
    (
        128,
        include_bytes!("../../assets/icons/jwt-debugger-128.png"),
    ),
    (
        256,
        include_bytes!("../../assets/icons/jwt-debugger-256.png"),
    ),
    (
        512,
        include_bytes!("../../assets/icons/jwt-debugger-512.png"),
    ),
];
const SVG: &[u8] = include_bytes!("../../assets/icon.svg");
const DESKTOP: &str = include_str!("../../assets/jwt-debugger.desktop");
const METAINFO: &[u8] = include_bytes!("../../assets/io.github.jwt_debugger.metainfo.xml");

/// Writes the completion script for `shell` to `out`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    clap_complete::generate(shell, &mut Cli::command(), "jwt-debugger", out);
}

/// Writes the man page (roff) to `out`.
pub fn man(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)
}

/// Writes `jwt-debugger.1` and a page per command (`jwt-debugger-decode.1`, …, and the key store's
/// `jwt-debugger-keys-add.1`, …) into `dir`, creating it. Returns the files written, sorted.
pub fn man_pages(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let words = |what: &str, path: &Path, e: &std::io::Error| {
        format!(
            "cannot {what} {}: {}",
            path.display(),
            crate::core::text::io_error_words(e)
        )
    };
    std::fs::create_dir_all(dir).map_err(|e| words("create", dir, &e))?;
    clap_mangen::generate_to(Cli::command(), dir).map_err(|e| words("write into", dir, &e))?;
    let app = dir.join("jwt-debugger-app.1");
    let mut page = Vec::new();
    clap_mangen::Man::new(app_command())
        .render(&mut page)
        .and_then(|()| std::fs::write(&app, page))
        .map_err(|e| words("write", &app, &e))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| words("read", dir, &e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("jwt-debugger") && n.ends_with(".1"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The desktop app's own command line, for its man page: the token to open and the global
/// options, from the same definitions as `jwt-debugger`'s.
fn app_command() -> clap::Command {
    let cli = Cli::command();
    let globals: Vec<clap::Arg> = cli
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    let mut app = clap::Command::new("jwt-debugger-app")
        .version(super::VERSION)
        .about("The desktop app of jwt-debugger")
        .long_about(
            "The desktop app of jwt-debugger: paste a token and see its header and claims explained, \
             whether its signature verifies with your key and whether it has expired; or edit the \
             header, payload and key and watch a freshly signed token appear. Nothing leaves the \
             machine.\n\n\
             Run without arguments, or as `jwt-debugger-app gui [TOKEN]` (TOKEN shown first), it \
             opens the window; `jwt-debugger` with no command, or `jwt-debugger gui`, opens it too. \
             Given a command (decode, encode, …), it answers as jwt-debugger(1) does.",
        )
        .after_help("See jwt-debugger(1) for the command line.");
    for arg in globals {
        app = app.arg(arg);
    }
    app
}

/// `$XDG_DATA_HOME`, else `~/.local/share`.
fn data_home() -> Result<PathBuf, String> {
    // macOS and Windows do not read freedesktop.org entries: writing them there would report
    // success and change nothing. `--data-dir` still writes them where asked.
    if !cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly"
    )) {
        return Err(format!(
            "install-desktop writes a freedesktop.org menu entry, which {} does not read (Linux and BSD desktops do); --data-dir DIR writes the files anyway",
            std::env::consts::OS
        ));
    }
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    std::env::var_os("HOME")
        .map(|home| PathBuf::from(home).join(".local/share"))
        .ok_or_else(|| "neither XDG_DATA_HOME nor HOME is set".to_owned())
}

fn write(path: &Path, bytes: &[u8], written: &mut Vec<PathBuf>) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            format!(
                "cannot create {}: {}",
                dir.display(),
                crate::core::text::io_error_words(&e)
            )
        })?;
    }
    std::fs::write(path, bytes).map_err(|e| {
        format!(
            "cannot write {}: {}",
            path.display(),
            crate::core::text::io_error_words(&e)
        )
    })?;
    written.push(path.to_owned());
    Ok(())
}

/// Installs the desktop entry (pointing at `exe`, the app or the command line, which becomes the
/// app), the AppStream metadata and the icons under
/// `data_dir` (default: the user's XDG data folder). Returns the files written.
pub fn install(data_dir: Option<&Path>, exe: &Path) -> Result<Vec<PathBuf>, String> {
    let base = match data_dir {
        Some(d) => d.to_owned(),
        None => data_home()?,
    };
    let mut written = Vec::new();
    let quoted = exe.display().to_string().replace('"', "\\\"");
    let entry = DESKTOP.replace("Exec=jwt-debugger-app", &format!("Exec=\"{quoted}\""));
    write(
        &base.join("applications/jwt-debugger.desktop"),
        entry.as_bytes(),
        &mut written,
    )?;
    write(
        &base.join("metainfo/io.github.jwt_debugger.metainfo.xml"),
        METAINFO,
        &mut written,
    )?;
    for (size, png) in ICONS {
        write(
            &base.join(format!("icons/hicolor/{size}x{size}/apps/jwt-debugger.png")),
            png,
            &mut written,
        )?;
    }
    write(
        &base.join("icons/hicolor/scalable/apps/jwt-debugger.svg"),
        SVG,
        &mut written,
    )?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_name_the_commands_for_every_shell() {
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
            clap_complete::Shell::PowerShell,
        ] {
            let mut out = Vec::new();
            completions(shell, &mut out);
            let text = String::from_utf8(out).unwrap();
            // fish writes long options without their dashes ("-l any-kid").
            for word in ["decode", "encode", "keygen", "any-kid"] {
                assert!(text.contains(word), "{shell}: no {word}");
            }
        }
    }

    #[test]
    fn the_man_page_documents_the_commands() {
        let mut out = Vec::new();
        man(&mut out).unwrap();
        let roff = String::from_utf8(out).unwrap();
        assert!(roff.starts_with(".ie"), "{}", &roff[..40]);
        assert!(roff.contains("jwt\\-debugger"));
        assert!(roff.contains("decode"));
    }

    #[test]
    fn man_pages_cover_every_command() {
        let dir = tempfile::tempdir().unwrap();
        let files = man_pages(dir.path()).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        for page in [
            "jwt-debugger.1",
            "jwt-debugger-app.1",
            "jwt-debugger-decode.1",
            "jwt-debugger-encode.1",
            "jwt-debugger-scan.1",
            "jwt-debugger-keys-add.1",
        ] {
            assert!(names.iter().any(|n| n == page), "no {page} in {names:?}");
        }
        let decode = std::fs::read_to_string(dir.path().join("jwt-debugger-decode.1")).unwrap();
        assert!(decode.contains("\\-\\-key"), "decode page lacks --key");
    }

    #[test]
    fn install_writes_entry_metadata_and_icons() {
        let dir = tempfile::tempdir().unwrap();
        let files = install(
            Some(dir.path()),
            Path::new("/opt/jwt debugger/jwt-debugger"),
        )
        .unwrap();
        assert_eq!(files.len(), 2 + ICONS.len() + 1);
        let entry =
            std::fs::read_to_string(dir.path().join("applications/jwt-debugger.desktop")).unwrap();
        assert!(
            entry.contains("Exec=\"/opt/jwt debugger/jwt-debugger\" gui %u"),
            "{entry}"
        );
        assert!(entry.contains("Categories=Development;Security;"));
        assert!(entry.contains("MimeType="));
        assert!(
            dir.path()
                .join("icons/hicolor/256x256/apps/jwt-debugger.png")
                .exists()
        );
    }
}
