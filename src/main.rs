fn main() -> std::process::ExitCode {
    jwt_debugger::cli::main()
}
