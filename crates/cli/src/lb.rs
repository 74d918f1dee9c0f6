//! `berth lb`: the load balancer data plane as its own process.
//!
//! For now it reads its configuration (a `berth_api::lb::LbConfig` as JSON) from a file,
//! and applies the file again on SIGHUP or when it changes (checked every second). The
//! control-plane channel (`--server URL --token T`, fetching the configuration over the
//! agent-style API and reporting health back) is the next step of issue 9. With
//! `--health-file` each new health snapshot is written there (JSON, replaced atomically).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::Context;
use berth_api::lb::{HealthSnapshot, LbConfig};
use clap::Args;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

#[derive(Debug, Args)]
pub struct LbArgs {
    /// The configuration: a JSON `LbConfig` (load balancers, listeners, rules, target
    /// groups). Re-read on SIGHUP and when the file changes.
    #[arg(long)]
    pub config: PathBuf,
    /// Where to write each health snapshot (JSON).
    #[arg(long)]
    pub health_file: Option<PathBuf>,
    /// Runtime worker threads (default: one per CPU).
    #[arg(long)]
    pub threads: Option<usize>,
}

pub async fn run(args: LbArgs, cancel: CancellationToken) -> anyhow::Result<()> {
    let first = read_config(&args.config)?;
    first
        .validate()
        .with_context(|| format!("{} is not a valid configuration", args.config.display()))?;
    let (config_tx, config_rx) = watch::channel(Arc::new(first));
    let (health_tx, health_rx) = watch::channel(HealthSnapshot::default());
    tokio::spawn(reload(args.config.clone(), config_tx, cancel.clone()));
    tokio::spawn(report_health(health_rx, args.health_file.clone()));
    berth_lb::run(config_rx, health_tx, cancel, berth_lb::Limits::default()).await?;
    Ok(())
}

fn read_config(path: &Path) -> anyhow::Result<LbConfig> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Sends the file's configuration again on SIGHUP or when its modification time changes.
/// A file that does not parse is logged and the running configuration stays.
async fn reload(
    path: PathBuf,
    config: watch::Sender<Arc<LbConfig>>,
    cancel: CancellationToken,
) -> anyhow::Result<()> {
    let mut hangup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
        .context("listening for SIGHUP")?;
    let mut last_modified = modified(&path);
    let mut ticker = tokio::time::interval(Duration::from_secs(1));
    loop {
        let forced = tokio::select! {
            _ = hangup.recv() => true,
            _ = ticker.tick() => false,
            _ = cancel.cancelled() => return Ok(()),
        };
        let now_modified = modified(&path);
        if !forced && now_modified == last_modified {
            continue;
        }
        last_modified = now_modified;
        match read_config(&path) {
            Ok(next) => {
                tracing::info!(generation = next.generation, "configuration reloaded");
                config.send_replace(Arc::new(next));
            }
            Err(err) => tracing::error!(error = format!("{err:#}"), "configuration not reloaded"),
        }
    }
}

/// Logs every target's state change and keeps the health file current.
async fn report_health(mut health: watch::Receiver<HealthSnapshot>, file: Option<PathBuf>) {
    let mut last = HealthSnapshot::default();
    while health.changed().await.is_ok() {
        let snapshot = health.borrow_and_update().clone();
        for group in &snapshot.target_groups {
            for target in &group.targets {
                let before = last
                    .target_groups
                    .iter()
                    .find(|g| g.target_group_arn == group.target_group_arn)
                    .and_then(|g| {
                        g.targets
                            .iter()
                            .find(|t| t.ip == target.ip && t.port == target.port)
                    });
                if before.map(|b| (b.state, b.reason)) != Some((target.state, target.reason)) {
                    tracing::info!(
                        target_group = %group.target_group_arn,
                        target = %format!("{}:{}", target.ip, target.port),
                        state = target.state.as_str(),
                        reason = target.reason.map(|r| r.as_str()),
                        "target health"
                    );
                }
            }
        }
        for error in &snapshot.listener_errors {
            tracing::error!(listener = %error.listener_arn, port = error.port, "{}", error.message);
        }
        if let Some(error) = &snapshot.config_error {
            tracing::error!("configuration refused: {error}");
        }
        if let Some(file) = &file {
            if let Err(err) = write_atomically(file, &snapshot) {
                tracing::warn!(error = format!("{err:#}"), "cannot write the health file");
            }
        }
        last = snapshot;
    }
}

fn write_atomically(path: &Path, snapshot: &HealthSnapshot) -> anyhow::Result<()> {
    let temp = path.with_extension("tmp");
    std::fs::write(&temp, serde_json::to_vec_pretty(snapshot)?)
        .with_context(|| format!("writing {}", temp.display()))?;
    std::fs::rename(&temp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
