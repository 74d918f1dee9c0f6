//! A container's `restartPolicy`: when the agent restarts an exited container in place
//! instead of letting it stop the task (ECS's container restart policy).
//!
//! As ECS's agent decides it: a container is restarted when its policy is enabled, the
//! task is not stopping, its exit code is known and not in `ignoredExitCodes`, and it ran
//! for at least `restartAttemptPeriod` seconds (default 300) since it last started. A
//! container that exits sooner is not restarted, so a crash loop ends the task as it would
//! without a policy. The runtime's own "started at" of the container is the time of its
//! latest start, so the decision needs no memory across agent restarts; only the restart
//! count does (see [`RestartCounts`]).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use berth_api::ecs::ContainerDefinition;
use serde::{Deserialize, Serialize};

use crate::ledger::Ledger;

/// ECS's default `restartAttemptPeriod`.
pub const DEFAULT_ATTEMPT_PERIOD: Duration = Duration::from_secs(300);

/// An enabled restart policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestartPolicy {
    pub ignored_exit_codes: Vec<i32>,
    pub attempt_period: Duration,
}

impl RestartPolicy {
    /// The container's policy, when it has one and it is enabled.
    pub fn of(def: &ContainerDefinition) -> Option<Self> {
        let policy = def.restart_policy.as_ref().filter(|p| p.enabled)?;
        Some(Self {
            ignored_exit_codes: policy.ignored_exit_codes.clone().unwrap_or_default(),
            attempt_period: policy
                .restart_attempt_period
                .and_then(|s| u64::try_from(s).ok())
                .map_or(DEFAULT_ATTEMPT_PERIOD, Duration::from_secs),
        })
    }

    /// Whether a container that exited with `exit_code` after starting at `last_start`
    /// should be restarted at `now`; `Err` says why not.
    pub fn should_restart(
        &self,
        exit_code: Option<i32>,
        last_start: Option<SystemTime>,
        now: SystemTime,
    ) -> Result<(), String> {
        let Some(code) = exit_code else {
            return Err("the exit code is unknown".into());
        };
        if self.ignored_exit_codes.contains(&code) {
            return Err(format!("exit code {code} is in ignoredExitCodes"));
        }
        let ran = last_start
            .and_then(|s| now.duration_since(s).ok())
            .unwrap_or(Duration::ZERO);
        if ran < self.attempt_period {
            return Err(format!(
                "it ran {}s, less than its restartAttemptPeriod of {}s",
                ran.as_secs(),
                self.attempt_period.as_secs()
            ));
        }
        Ok(())
    }
}

/// How many times each container was restarted, per task, kept in the agent's data
/// directory (`restarts.json`, written atomically) so the count survives agent restarts.
/// Restarts are at least a minute apart per container, so writing on each is cheap.
#[derive(Debug)]
pub struct RestartCounts {
    ledger: Option<Ledger>,
    counts: Mutex<BTreeMap<String, BTreeMap<String, u32>>>,
}

/// The file's shape: task ARN → container name → restarts.
#[derive(Debug, Default, Serialize, Deserialize)]
struct CountsFile {
    tasks: BTreeMap<String, BTreeMap<String, u32>>,
}

const COUNTS_FILE: &str = "restarts.json";

impl RestartCounts {
    /// Counts kept in `ledger`'s directory (loaded now), or only in memory with `None`.
    pub fn new(ledger: Option<Ledger>) -> Self {
        let counts = ledger
            .as_ref()
            .and_then(|l| match l.load_file::<CountsFile>(COUNTS_FILE) {
                Ok(file) => file,
                Err(e) => {
                    tracing::warn!(error = %e, "ignoring unreadable restart counts");
                    None
                }
            })
            .unwrap_or_default()
            .tasks;
        Self {
            ledger,
            counts: Mutex::new(counts),
        }
    }

    pub fn get(&self, task_arn: &str, container: &str) -> u32 {
        self.lock()
            .get(task_arn)
            .and_then(|c| c.get(container))
            .copied()
            .unwrap_or(0)
    }

    /// Records one more restart and returns the new count.
    pub fn increment(&self, task_arn: &str, container: &str) -> u32 {
        let mut counts = self.lock();
        let count = counts
            .entry(task_arn.to_string())
            .or_default()
            .entry(container.to_string())
            .or_default();
        *count += 1;
        let value = *count;
        self.persist(&counts);
        value
    }

    /// Forgets a task (once it is cleaned up).
    pub fn forget(&self, task_arn: &str) {
        let mut counts = self.lock();
        if counts.remove(task_arn).is_some() {
            self.persist(&counts);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, BTreeMap<String, u32>>> {
        self.counts.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn persist(&self, counts: &BTreeMap<String, BTreeMap<String, u32>>) {
        if let Some(ledger) = &self.ledger {
            let file = CountsFile {
                tasks: counts.clone(),
            };
            if let Err(e) = ledger.save_file(COUNTS_FILE, &file) {
                // The count is informational; the restart itself already happened.
                tracing::warn!(error = %e, "cannot save restart counts");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use berth_api::ecs::ContainerRestartPolicy;

    fn def(policy: Option<ContainerRestartPolicy>) -> ContainerDefinition {
        ContainerDefinition {
            restart_policy: policy,
            ..Default::default()
        }
    }

    #[test]
    fn policy_defaults_and_disabled() {
        assert_eq!(RestartPolicy::of(&def(None)), None);
        let disabled = ContainerRestartPolicy {
            enabled: false,
            ..Default::default()
        };
        assert_eq!(RestartPolicy::of(&def(Some(disabled))), None);
        let enabled = ContainerRestartPolicy {
            enabled: true,
            ..Default::default()
        };
        let policy = RestartPolicy::of(&def(Some(enabled))).expect("enabled");
        assert_eq!(policy.attempt_period, DEFAULT_ATTEMPT_PERIOD);
        assert!(policy.ignored_exit_codes.is_empty());
    }

    #[test]
    fn restart_needs_a_long_enough_run_and_a_code_not_ignored() {
        let policy = RestartPolicy {
            ignored_exit_codes: vec![0, 3],
            attempt_period: Duration::from_secs(60),
        };
        let start = SystemTime::UNIX_EPOCH + Duration::from_secs(1000);
        let later = |s| start + Duration::from_secs(s);
        assert_eq!(
            policy.should_restart(Some(1), Some(start), later(60)),
            Ok(())
        );
        let early = policy
            .should_restart(Some(1), Some(start), later(59))
            .expect_err("too early");
        assert!(early.contains("restartAttemptPeriod"), "{early}");
        assert!(policy
            .should_restart(Some(3), Some(start), later(600))
            .expect_err("ignored")
            .contains("ignoredExitCodes"));
        assert!(policy
            .should_restart(None, Some(start), later(600))
            .is_err());
        assert!(policy.should_restart(Some(1), None, later(600)).is_err());
    }

    #[test]
    fn counts_survive_a_reload_and_are_forgotten_with_the_task() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ledger = Ledger::open(dir.path()).expect("ledger");
        let counts = RestartCounts::new(Some(ledger.clone()));
        assert_eq!(counts.increment("t1", "app"), 1);
        assert_eq!(counts.increment("t1", "app"), 2);
        assert_eq!(counts.increment("t2", "app"), 1);
        let reloaded = RestartCounts::new(Some(ledger.clone()));
        assert_eq!(reloaded.get("t1", "app"), 2);
        reloaded.forget("t1");
        let again = RestartCounts::new(Some(ledger));
        assert_eq!(again.get("t1", "app"), 0);
        assert_eq!(again.get("t2", "app"), 1);
    }
}
