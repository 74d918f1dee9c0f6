//! The simulated fleet behind `berth sim`: N agents in one process, each over its own
//! [`FakeRuntime`], its own data directory and its own [`HttpControlPlane`], registering
//! with distinct hostnames and attributes. They run the same [`crate::run`] as a real
//! agent and talk HTTP, so the server cannot tell them from real hosts; only the
//! containers are imaginary.
//!
//! [`run_sim`] spawns one tokio task per agent, watches each agent's ledger until every
//! one holds an identity (then calls `on_registered` once), and runs until cancelled. If
//! any agent fails (a refused join token, an unusable data directory) the whole fleet is
//! stopped and the error returned.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::client::{pinned_ca, JoinToken};
use crate::{
    AgentConfig, ControlPlane, FakeConfig, FakeRuntime, GpuSource, HttpControlPlane, Identity,
    Ledger,
};

/// The attribute that carries an agent's zone, as on ECS.
pub const ZONE_ATTRIBUTE: &str = "ecs.availability-zone";

/// How often the ledgers are read while waiting for every agent to register.
const REGISTRATION_POLL: Duration = Duration::from_millis(100);

/// What to simulate.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// The server's root URL.
    pub server_url: String,
    /// A reusable join token for `cluster` (a one-time token registers one agent only):
    /// `K10<CA hash>::<secret>` for an https server, or a bare secret.
    pub join_token: String,
    /// Cluster short name.
    pub cluster: String,
    /// How many agents.
    pub agents: usize,
    /// Agent `i` keeps its ledger in `DATA_DIR/agent-NNNN`; with the same directory, a
    /// restarted simulation reuses its instances.
    pub data_dir: PathBuf,
    /// Hostnames are `PREFIX-NNNN`.
    pub hostname_prefix: String,
    /// Agent `i` gets `ecs.availability-zone` = `zones[i % zones.len()]` (none if empty).
    pub zones: Vec<String>,
    /// Attributes every agent registers, after its zone.
    pub attributes: Vec<(String, Option<String>)>,
    /// Agent `i` registers `gpus[i % gpus.len()]` simulated GPUs (none if empty), never
    /// the host's own.
    pub gpus: Vec<usize>,
    pub heartbeat_interval: Duration,
    /// Each agent's runtime: capacity (`info`), start and pull delays.
    pub fake: FakeConfig,
}

impl SimConfig {
    /// A fleet of `agents` with the fake runtime's defaults (4 vCPU, 16 GiB each) and a
    /// 2 s heartbeat, as `berth agent`'s.
    pub fn new(
        server_url: impl Into<String>,
        join_token: impl Into<String>,
        cluster: impl Into<String>,
        agents: usize,
        data_dir: impl Into<PathBuf>,
    ) -> Self {
        Self {
            server_url: server_url.into(),
            join_token: join_token.into(),
            cluster: cluster.into(),
            agents,
            data_dir: data_dir.into(),
            hostname_prefix: "sim".into(),
            zones: Vec::new(),
            attributes: Vec::new(),
            gpus: Vec::new(),
            heartbeat_interval: Duration::from_secs(2),
            fake: FakeConfig::default(),
        }
    }

    /// The configuration of agent `index`.
    pub fn agent_config(&self, index: usize) -> AgentConfig {
        let mut attributes = Vec::with_capacity(self.attributes.len() + 1);
        if !self.zones.is_empty() {
            let zone = self.zones[index % self.zones.len()].clone();
            attributes.push((ZONE_ATTRIBUTE.to_owned(), Some(zone)));
        }
        attributes.extend(self.attributes.iter().cloned());
        let gpus = match self.gpus.is_empty() {
            true => 0,
            false => self.gpus[index % self.gpus.len()],
        };
        AgentConfig {
            join_token: Some(self.join_token.clone()),
            attributes,
            gpus: GpuSource::Fixed(simulated_gpu_ids(index, gpus)),
            hostname: Some(format!("{}-{index:04}", self.hostname_prefix)),
            heartbeat_interval: self.heartbeat_interval,
            ..AgentConfig::new(
                self.server_url.clone(),
                self.cluster.clone(),
                self.data_dir.join(format!("agent-{index:04}")),
            )
        }
    }
}

/// The IDs of simulated agent `index`'s `count` GPUs: shaped as NVIDIA's UUIDs, distinct
/// across the fleet.
pub fn simulated_gpu_ids(index: usize, count: usize) -> Vec<String> {
    (0..count)
        .map(|k| format!("GPU-{index:08x}-5349-4d00-8000-{k:012x}"))
        .collect()
}

/// Runs the fleet until `cancel` fires. `on_registered` is called once, with every
/// agent's identity in agent order, when all of them are registered.
///
/// Errors: no agents, an invalid agent configuration or join token, a server CA that does
/// not match the token, or any agent that fails.
pub async fn run_sim<F>(
    config: SimConfig,
    cancel: CancellationToken,
    on_registered: F,
) -> anyhow::Result<()>
where
    F: FnOnce(&[Identity]) + Send,
{
    if config.agents == 0 {
        anyhow::bail!("a simulation needs at least one agent");
    }
    let mut ledgers = Vec::with_capacity(config.agents);
    let mut agent_configs = Vec::with_capacity(config.agents);
    for index in 0..config.agents {
        let agent = config.agent_config(index);
        agent
            .validate()
            .with_context(|| format!("simulated agent {index}"))?;
        ledgers.push(Ledger::open(&agent.data_dir).with_context(|| {
            format!(
                "opening the data directory of simulated agent {index}: {}",
                agent.data_dir.display()
            )
        })?);
        agent_configs.push(agent);
    }

    // As `berth agent`: the server checks only the secret; over https, the fleet trusts
    // only the CA the token pins (fetched once, kept in the fleet's data directory).
    let token = JoinToken::parse(&config.join_token).context("reading the join token")?;
    let ca = if config.server_url.starts_with("https://") {
        let pinned = pinned_ca(
            &config.server_url,
            &config.data_dir,
            Some(&token),
            agent_configs[0].max_backoff,
            &cancel,
        )
        .await
        .context("establishing trust in the server's CA")?;
        match pinned {
            Some(ca) => Some(ca),
            // Cancelled while the server was unreachable.
            None => return Ok(()),
        }
    } else {
        None
    };

    // The agents stop with the fleet, and the fleet stops them on a failure.
    let fleet = cancel.child_token();
    let mut agents = JoinSet::new();
    for (index, mut agent) in agent_configs.into_iter().enumerate() {
        agent.join_token = Some(token.secret.clone());
        let runtime = Arc::new(FakeRuntime::new(config.fake.clone()));
        let control = match &ca {
            Some(ca) => {
                HttpControlPlane::with_ca(&config.server_url, ca).map_err(anyhow::Error::new)
            }
            None => HttpControlPlane::new(&config.server_url).map_err(anyhow::Error::new),
        }
        .with_context(|| format!("the HTTP client of simulated agent {index}"))?;
        let control: Arc<dyn ControlPlane> = Arc::new(control);
        let agent_cancel = fleet.clone();
        agents.spawn(async move {
            (
                index,
                crate::run(agent, runtime, control, agent_cancel).await,
            )
        });
    }

    let mut on_registered = Some(on_registered);
    let mut poll = tokio::time::interval(REGISTRATION_POLL);
    poll.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut failure: Option<anyhow::Error> = None;
    loop {
        tokio::select! {
            biased;
            _ = fleet.cancelled() => break,
            Some(done) = agents.join_next() => {
                failure = Some(match done {
                    Ok((index, Err(err))) => err.context(format!("simulated agent {index} failed")),
                    // An agent ends cleanly only when cancelled: the fleet is stopping.
                    Ok((_, Ok(()))) if fleet.is_cancelled() => break,
                    Ok((index, Ok(()))) => anyhow::anyhow!("simulated agent {index} stopped"),
                    Err(err) => anyhow::Error::new(err).context("a simulated agent's task failed"),
                });
                break;
            }
            _ = poll.tick(), if on_registered.is_some() => {
                if let Some(identities) = registered(&ledgers, &config.cluster) {
                    tracing::info!(agents = identities.len(), "every simulated agent is registered");
                    if let Some(callback) = on_registered.take() {
                        callback(&identities);
                    }
                }
            }
        }
    }
    fleet.cancel();
    while let Some(done) = agents.join_next().await {
        match done {
            Ok((_, Ok(()))) => {}
            Ok((index, Err(err))) => {
                tracing::warn!(
                    agent = index,
                    error = format!("{err:#}"),
                    "simulated agent stopped with an error"
                );
            }
            Err(err) => tracing::warn!(error = %err, "a simulated agent's task failed"),
        }
    }
    match failure {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// Every agent's identity, once all of them hold one.
fn registered(ledgers: &[Ledger], cluster: &str) -> Option<Vec<Identity>> {
    ledgers
        .iter()
        .map(|ledger| {
            // An identity from another cluster is stale: the agent is registering again.
            ledger
                .load_identity()
                .ok()
                .flatten()
                .filter(|identity| identity.cluster == cluster)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_get_distinct_hostnames_and_spread_zones() {
        let mut config = SimConfig::new("http://127.0.0.1:1", "t", "default", 4, "/tmp/sim");
        config.zones = vec!["a".into(), "b".into(), "c".into()];
        config.attributes = vec![("stack".into(), Some("sim".into()))];
        let agents: Vec<AgentConfig> = (0..4).map(|i| config.agent_config(i)).collect();
        let hostnames: std::collections::HashSet<_> =
            agents.iter().map(|a| a.hostname.clone()).collect();
        assert_eq!(hostnames.len(), 4);
        let zones: Vec<_> = agents
            .iter()
            .map(|a| a.attributes[0].1.clone().unwrap_or_default())
            .collect();
        assert_eq!(zones, ["a", "b", "c", "a"]);
        assert_eq!(
            agents[3].attributes[1],
            ("stack".into(), Some("sim".into()))
        );
        assert_ne!(agents[0].data_dir, agents[1].data_dir);
        assert!(agents.iter().all(|a| a.validate().is_ok()));
        assert!(
            agents
                .iter()
                .all(|a| a.gpus == GpuSource::Fixed(Vec::new())),
            "simulated hosts never register the real host's GPUs"
        );
        config.gpus = vec![0, 2];
        let ids: Vec<Vec<String>> = (0..4)
            .map(|i| match config.agent_config(i).gpus {
                GpuSource::Fixed(ids) => ids,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(ids.iter().map(Vec::len).collect::<Vec<_>>(), [0, 2, 0, 2]);
        assert_ne!(ids[1], ids[3], "GPU IDs are distinct across the fleet");
        assert!(berth_api::protocol::check_gpu_ids(&ids[1]).is_ok());
    }
}
