//! `berth sim`: a fleet of simulated agents (fake runtime, real agent protocol over HTTP)
//! in one process, for trying placement and scale without hosts. The fleet itself is
//! `berth_agent::sim::run_sim`; this file only turns flags into its configuration.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use berth_agent::sim::{run_sim, SimConfig};
use clap::Args;
use tokio_util::sync::CancellationToken;

#[derive(Debug, Args)]
pub struct SimArgs {
    /// The server's URL, e.g. http://127.0.0.1:8042.
    #[arg(long)]
    server: String,
    /// A reusable join token for the cluster, as `berth join-token create --reusable` prints
    /// it (a one-time token registers one agent only).
    #[arg(long, env = "BERTH_JOIN_TOKEN")]
    token: String,
    #[arg(long, default_value = "default")]
    cluster: String,
    /// How many agents to simulate.
    #[arg(long, default_value_t = 10)]
    agents: usize,
    /// Attributes of every agent, as NAME=VALUE or NAME; repeatable.
    #[arg(long = "attribute")]
    attributes: Vec<String>,
    /// Availability zones, comma-separated: agent i registers
    /// ecs.availability-zone=ZONES[i mod len].
    #[arg(long, value_delimiter = ',')]
    zones: Vec<String>,
    /// CPU units of each simulated host (1,024 per vCPU).
    #[arg(long, default_value_t = 4096)]
    cpu: i32,
    /// Memory MiB of each simulated host.
    #[arg(long, default_value_t = 16384)]
    memory: i64,
    /// Simulated GPUs, comma-separated counts: agent i registers GPUS[i mod len] GPUs.
    /// Default: none.
    #[arg(long, value_delimiter = ',')]
    gpus: Vec<usize>,
    /// Hostnames are PREFIX-NNNN.
    #[arg(long, default_value = "sim")]
    hostname_prefix: String,
    /// Where agent i keeps its ledger (DIR/agent-NNNN); reuse it to keep the same
    /// instances across runs. Default: a temporary directory removed on exit.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Seconds between heartbeats.
    #[arg(long, default_value_t = 2)]
    heartbeat_secs: u64,
}

/// Runs the fleet until `cancel` fires (SIGINT or SIGTERM).
pub async fn run(args: SimArgs, cancel: CancellationToken) -> anyhow::Result<()> {
    if args.cpu <= 0 || args.memory <= 0 {
        anyhow::bail!("--cpu and --memory must be positive");
    }
    if let Some(too_many) = args
        .gpus
        .iter()
        .find(|n| **n > berth_api::protocol::MAX_GPUS)
    {
        anyhow::bail!(
            "--gpus {too_many} is more than the {} GPUs a host can have",
            berth_api::protocol::MAX_GPUS
        );
    }
    let attributes = args
        .attributes
        .iter()
        .map(|a| crate::commands::parse_attribute(a))
        .collect::<anyhow::Result<Vec<_>>>()?;
    // The temporary directory lives until the fleet stops, and is removed on drop.
    let (data_dir, _temp) = match args.data_dir.clone() {
        Some(dir) => (dir, None),
        None => {
            let temp = tempfile::tempdir().context("creating a temporary data directory")?;
            (temp.path().to_path_buf(), Some(temp))
        }
    };
    let mut config = SimConfig::new(
        args.server.clone(),
        args.token.clone(),
        args.cluster.clone(),
        args.agents,
        data_dir,
    );
    config.zones = args.zones.into_iter().filter(|z| !z.is_empty()).collect();
    config.attributes = attributes;
    config.gpus = args.gpus;
    config.hostname_prefix = args.hostname_prefix;
    config.heartbeat_interval = Duration::from_secs(args.heartbeat_secs.max(1));
    config.fake.info.cpu_units = args.cpu;
    config.fake.info.memory_mib = args.memory;
    let agents = args.agents;
    let cluster = args.cluster;
    run_sim(config, cancel, move |identities| {
        println!(
            "berth sim: all {agents} simulated agents are registered in cluster {cluster} ({} … {})",
            identities.first().map_or("", |i| i.container_instance_arn.as_str()),
            identities.last().map_or("", |i| i.container_instance_arn.as_str()),
        );
    })
    .await
}
