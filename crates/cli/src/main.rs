//! The `berth` binary: `dev`, `server`, `agent`, `lb`, and the user commands (`join-token`,
//! `logs`, `exec`, `bench`, `sim`).
//!
//! `main` only parses arguments, sets up logging, runs the chosen command, and drains on
//! SIGINT or SIGTERM. Exit codes: 0 on a clean stop, 1 on a runtime failure, 2 on bad
//! usage (from clap).

mod bench;
mod bench_authz;
mod bench_exec;
mod bench_lb;
mod bench_logs;
mod bench_services;
mod commands;
mod exec;
mod lb;
mod logs;
mod sim;

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let cli = commands::Cli::parse();
    let filter = EnvFilter::try_from_env("BERTH_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    // An agent waits on I/O almost all the time: one thread serves it, and each extra
    // worker thread would cost its stack and a malloc arena in every host's memory. A
    // load balancer asked for one thread runs on the current-thread scheduler, which
    // spends less per task switch than a work-stealing pool of one.
    let mut builder = if cli.is_agent() || cli.worker_threads() == Some(1) {
        tokio::runtime::Builder::new_current_thread()
    } else {
        let mut builder = tokio::runtime::Builder::new_multi_thread();
        if let Some(threads) = cli.worker_threads() {
            builder.worker_threads(threads.max(1));
        }
        builder
    };
    let runtime = match builder.enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("berth: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("berth: {err:#}");
            ExitCode::FAILURE
        }
    }
}
