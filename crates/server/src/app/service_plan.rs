//! The service scheduler's decisions, as pure functions of what it sees.
//!
//! Given a service's live tasks and its deployment settings, [`plan_replica`] and
//! [`plan_daemon`] say which tasks to start and which to stop in this pass. They hold the
//! rolling-deployment bounds by construction:
//! - a start never makes the tasks that are not yet STOPPED exceed `maximumPercent` of the
//!   desired count (tasks asked to stop still count until they are STOPPED);
//! - a healthy task is stopped only while the healthy tasks that remain are at least
//!   `minimumHealthyPercent` of the desired count.
//!
//! The executor in `service_scheduler.rs` applies a plan and runs the next pass on the
//! next change, so a pass only needs to make progress, never to finish a rollout.

use std::collections::{BTreeMap, HashSet};

/// Where a task's container instance stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    /// ACTIVE: the task may stay.
    Active,
    /// DRAINING: the task is replaced elsewhere, then stopped.
    Draining,
    /// Deregistered or no longer eligible: the task is stopped.
    Gone,
}

/// One task of the service that is not STOPPED.
#[derive(Debug, Clone)]
pub(crate) struct LiveTask {
    pub id: String,
    pub deployment: String,
    pub instance: String,
    pub placement: Placement,
    /// Something already asked it to stop; it still counts until it is STOPPED.
    pub stopping: bool,
    /// RUNNING, HEALTHY where its essential containers have health checks, and `healthy`
    /// in every target group of its deployment.
    pub healthy: bool,
    /// RUNNING with a failed health check, after the grace period.
    pub unhealthy: bool,
    /// The target group whose health checks it failed, when that is why it is unhealthy.
    pub failed_target_group: Option<String>,
    pub created_at: f64,
}

/// Why the scheduler stops a task; it decides the stop reason users see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopCause {
    /// Failed its container health checks.
    Unhealthy,
    /// More tasks than desired.
    ScaleIn,
    /// Belongs to an older deployment.
    Replaced,
    /// Its instance is DRAINING.
    Draining,
    /// Its instance is gone or no longer eligible (DAEMON).
    Ineligible,
}

/// What a pass does.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Plan {
    /// How many tasks of the primary deployment to start (REPLICA).
    pub start: usize,
    /// The instances to start one primary task on (DAEMON).
    pub start_on: Vec<String>,
    pub stop: Vec<(String, StopCause)>,
}

/// The bounds of a rollout, in tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bounds {
    pub min_healthy: usize,
    pub max_total: usize,
}

/// ECS rounds the minimum up and the maximum down.
pub(crate) fn bounds(desired: usize, minimum_healthy_percent: i32, maximum_percent: i32) -> Bounds {
    let min = minimum_healthy_percent.max(0) as usize;
    let max = maximum_percent.max(0) as usize;
    Bounds {
        min_healthy: (desired * min).div_ceil(100),
        max_total: desired * max / 100,
    }
}

/// The plan for a REPLICA service with `desired` tasks of deployment `primary`.
/// `launchable` is false while the primary deployment may not start tasks (it failed, or
/// failed starts are being backed off).
pub(crate) fn plan_replica(
    tasks: &[LiveTask],
    primary: &str,
    desired: usize,
    bounds: Bounds,
    launchable: bool,
) -> Plan {
    let mut plan = Plan::default();
    let mut stopped: HashSet<&str> = HashSet::new();
    let live = tasks.len();
    let candidates: Vec<&LiveTask> = tasks.iter().filter(|t| !t.stopping).collect();

    for task in &candidates {
        if task.unhealthy {
            plan.stop.push((task.id.clone(), StopCause::Unhealthy));
            stopped.insert(&task.id);
        }
    }
    let remaining: Vec<&LiveTask> = candidates
        .iter()
        .copied()
        .filter(|t| !stopped.contains(t.id.as_str()))
        .collect();
    let (mut keepers, mut obsolete): (Vec<&LiveTask>, Vec<&LiveTask>) = remaining
        .iter()
        .partition(|t| t.deployment == primary && t.placement == Placement::Active);

    // Scale in: the least useful first (pending before running, newest first).
    if keepers.len() > desired {
        keepers.sort_by(|a, b| {
            a.healthy
                .cmp(&b.healthy)
                .then(b.created_at.total_cmp(&a.created_at))
        });
        for task in keepers.drain(..keepers.len() - desired) {
            plan.stop.push((task.id.clone(), StopCause::ScaleIn));
            stopped.insert(&task.id);
        }
    }

    if launchable {
        let needed = desired - keepers.len();
        let room = bounds.max_total.saturating_sub(live);
        plan.start = needed.min(room);
    }

    // Obsolete tasks: those not healthy go at once (they hold no health the minimum needs);
    // healthy ones only while enough healthy tasks remain.
    let healthy = remaining
        .iter()
        .filter(|t| t.healthy && !stopped.contains(t.id.as_str()))
        .count();
    let mut budget = healthy.saturating_sub(bounds.min_healthy);
    obsolete.sort_by(|a, b| {
        a.healthy
            .cmp(&b.healthy)
            .then(a.created_at.total_cmp(&b.created_at))
    });
    for task in obsolete {
        if task.healthy {
            if budget == 0 {
                continue;
            }
            budget -= 1;
        }
        let cause = match task.placement {
            Placement::Active => StopCause::Replaced,
            Placement::Draining => StopCause::Draining,
            Placement::Gone => StopCause::Ineligible,
        };
        plan.stop.push((task.id.clone(), cause));
    }
    plan
}

/// The plan for a DAEMON service: one primary task on each of `eligible` instances.
/// Old tasks are stopped before their replacement starts (one task per instance), while
/// the healthy tasks that remain are at least `min_healthy`.
pub(crate) fn plan_daemon(
    tasks: &[LiveTask],
    primary: &str,
    eligible: &[String],
    min_healthy: usize,
    launchable: bool,
) -> Plan {
    let mut plan = Plan::default();
    let eligible_set: HashSet<&str> = eligible.iter().map(String::as_str).collect();
    let mut by_instance: BTreeMap<&str, Vec<&LiveTask>> = BTreeMap::new();
    for task in tasks {
        by_instance.entry(&task.instance).or_default().push(task);
    }
    let mut healthy = tasks.iter().filter(|t| t.healthy && !t.stopping).count();
    let stop = |plan: &mut Plan, task: &LiveTask, cause: StopCause, healthy: &mut usize| {
        if task.healthy {
            *healthy -= 1;
        }
        plan.stop.push((task.id.clone(), cause));
    };
    // Tasks on instances that are no longer eligible, and unhealthy ones, go first.
    for task in tasks.iter().filter(|t| !t.stopping) {
        if !eligible_set.contains(task.instance.as_str()) {
            let cause = match task.placement {
                Placement::Draining => StopCause::Draining,
                _ => StopCause::Ineligible,
            };
            stop(&mut plan, task, cause, &mut healthy);
        } else if task.unhealthy {
            stop(&mut plan, task, StopCause::Unhealthy, &mut healthy);
        }
    }
    for instance in eligible {
        let here = by_instance
            .get(instance.as_str())
            .cloned()
            .unwrap_or_default();
        let active: Vec<&LiveTask> = here
            .iter()
            .copied()
            .filter(|t| !t.stopping && !t.unhealthy)
            .collect();
        let (current, old): (Vec<&LiveTask>, Vec<&LiveTask>) =
            active.iter().partition(|t| t.deployment == primary);
        for extra in current.iter().skip(1) {
            stop(&mut plan, extra, StopCause::ScaleIn, &mut healthy);
        }
        for task in &old {
            if !task.healthy || !current.is_empty() || healthy > min_healthy {
                stop(&mut plan, task, StopCause::Replaced, &mut healthy);
            }
        }
        // A new task starts only once nothing else of the service is left on the
        // instance, so a daemon never runs twice on one host.
        let anything_left = here
            .iter()
            .any(|t| t.stopping || t.deployment != primary || t.unhealthy)
            || !old.is_empty();
        if launchable && current.is_empty() && !anything_left {
            plan.start_on.push(instance.clone());
        }
    }
    plan
}

/// The circuit breaker's threshold: half the desired count, at least 3 and at most 200.
pub(crate) fn failure_threshold(desired: usize) -> usize {
    desired.div_ceil(2).clamp(3, 200)
}

/// How long to hold off starting tasks after `streak` recent failed starts: nothing for
/// the first two, then 5 s doubling up to 5 minutes.
pub(crate) fn backoff_seconds(streak: usize) -> f64 {
    if streak < 3 {
        return 0.0;
    }
    let doublings = (streak - 3).min(10) as i32;
    (5.0 * 2f64.powi(doublings)).min(300.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(id: &str, deployment: &str, healthy: bool) -> LiveTask {
        LiveTask {
            id: id.into(),
            deployment: deployment.into(),
            instance: "i1".into(),
            placement: Placement::Active,
            stopping: false,
            healthy,
            unhealthy: false,
            failed_target_group: None,
            created_at: 0.0,
        }
    }

    #[test]
    fn bounds_round_as_ecs_does() {
        assert_eq!(
            bounds(6, 100, 200),
            Bounds {
                min_healthy: 6,
                max_total: 12
            }
        );
        assert_eq!(
            bounds(3, 50, 100),
            Bounds {
                min_healthy: 2,
                max_total: 3
            }
        );
        assert_eq!(
            bounds(5, 50, 150),
            Bounds {
                min_healthy: 3,
                max_total: 7
            }
        );
    }

    #[test]
    fn a_new_service_starts_everything() {
        let plan = plan_replica(&[], "d1", 4, bounds(4, 100, 200), true);
        assert_eq!(plan.start, 4);
        assert!(plan.stop.is_empty());
    }

    #[test]
    fn nothing_starts_while_not_launchable() {
        let plan = plan_replica(&[], "d1", 4, bounds(4, 100, 200), false);
        assert_eq!(plan.start, 0);
    }

    #[test]
    fn rolling_100_200_starts_new_before_stopping_old() {
        let old: Vec<LiveTask> = (0..4).map(|i| task(&format!("o{i}"), "d1", true)).collect();
        let plan = plan_replica(&old, "d2", 4, bounds(4, 100, 200), true);
        assert_eq!(plan.start, 4);
        assert!(
            plan.stop.is_empty(),
            "no old task may stop before new ones are healthy"
        );

        // Two new tasks became healthy: exactly two old ones may go.
        let mut tasks = old.clone();
        tasks.push(task("n0", "d2", true));
        tasks.push(task("n1", "d2", true));
        tasks.push(task("n2", "d2", false));
        tasks.push(task("n3", "d2", false));
        let plan = plan_replica(&tasks, "d2", 4, bounds(4, 100, 200), true);
        assert_eq!(plan.start, 0);
        assert_eq!(plan.stop.len(), 2);
        assert!(plan
            .stop
            .iter()
            .all(|(id, cause)| id.starts_with('o') && *cause == StopCause::Replaced));
    }

    #[test]
    fn rolling_50_100_stops_old_before_starting_new() {
        let old: Vec<LiveTask> = (0..4).map(|i| task(&format!("o{i}"), "d1", true)).collect();
        let plan = plan_replica(&old, "d2", 4, bounds(4, 50, 100), true);
        assert_eq!(plan.start, 0, "no room above 100%");
        assert_eq!(plan.stop.len(), 2, "down to 50% healthy");

        // Those two are stopping: they still count against the maximum.
        let mut tasks = old.clone();
        tasks[0].stopping = true;
        tasks[1].stopping = true;
        let plan = plan_replica(&tasks, "d2", 4, bounds(4, 50, 100), true);
        assert_eq!(plan, Plan::default());

        // Once they are STOPPED, two new ones start.
        let plan = plan_replica(&tasks[2..], "d2", 4, bounds(4, 50, 100), true);
        assert_eq!(plan.start, 2);
        assert!(plan.stop.is_empty());
    }

    #[test]
    fn pending_old_tasks_are_not_protected_by_the_minimum() {
        let tasks = vec![task("o0", "d1", false), task("o1", "d1", true)];
        let plan = plan_replica(&tasks, "d2", 2, bounds(2, 100, 100), true);
        assert_eq!(plan.stop, vec![("o0".to_owned(), StopCause::Replaced)]);
    }

    #[test]
    fn scale_in_stops_pending_and_newest_first() {
        let mut tasks = vec![
            task("a", "d1", true),
            task("b", "d1", false),
            task("c", "d1", true),
        ];
        tasks[2].created_at = 10.0;
        let plan = plan_replica(&tasks, "d1", 1, bounds(1, 100, 200), true);
        let stopped: Vec<&str> = plan.stop.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(stopped, vec!["b", "c"]);
        assert!(plan.stop.iter().all(|(_, c)| *c == StopCause::ScaleIn));
    }

    #[test]
    fn draining_tasks_are_replaced_first_then_stopped() {
        let mut tasks = vec![task("a", "d1", true), task("b", "d1", true)];
        tasks[0].placement = Placement::Draining;
        let plan = plan_replica(&tasks, "d1", 2, bounds(2, 100, 200), true);
        assert_eq!(plan.start, 1);
        assert!(plan.stop.is_empty());
        tasks.push(task("c", "d1", true));
        let plan = plan_replica(&tasks, "d1", 2, bounds(2, 100, 200), true);
        assert_eq!(plan.stop, vec![("a".to_owned(), StopCause::Draining)]);
    }

    #[test]
    fn unhealthy_tasks_are_stopped_and_replaced() {
        let mut tasks = vec![task("a", "d1", false), task("b", "d1", true)];
        tasks[0].unhealthy = true;
        let plan = plan_replica(&tasks, "d1", 2, bounds(2, 100, 200), true);
        assert_eq!(plan.stop, vec![("a".to_owned(), StopCause::Unhealthy)]);
        assert_eq!(plan.start, 1);
    }

    /// Drives a simulated rollout to completion and checks the bounds at every step.
    #[test]
    fn rollouts_hold_their_bounds_throughout() {
        for (desired, min, max) in [(6, 100, 200), (4, 50, 100), (5, 0, 100), (7, 50, 150)] {
            let b = bounds(desired, min, max);
            let mut tasks: Vec<LiveTask> = (0..desired)
                .map(|i| task(&format!("o{i}"), "d1", true))
                .collect();
            let mut next = 0;
            for _round in 0..100 {
                let plan = plan_replica(&tasks, "d2", desired, b, true);
                for (id, _) in &plan.stop {
                    let t = tasks.iter_mut().find(|t| &t.id == id).unwrap();
                    t.stopping = true;
                    t.healthy = false;
                }
                let healthy = tasks.iter().filter(|t| t.healthy).count();
                assert!(
                    healthy >= b.min_healthy.min(desired),
                    "{desired}/{min}/{max}"
                );
                for _ in 0..plan.start {
                    tasks.push(task(&format!("n{next}"), "d2", false));
                    next += 1;
                }
                assert!(tasks.len() <= b.max_total, "{desired}/{min}/{max}");
                // Time passes: stopping tasks stop, new ones become healthy.
                tasks.retain(|t| !t.stopping);
                for t in &mut tasks {
                    t.healthy = true;
                }
                if tasks.len() == desired && tasks.iter().all(|t| t.deployment == "d2") {
                    break;
                }
            }
            assert_eq!(tasks.len(), desired);
            assert!(
                tasks.iter().all(|t| t.deployment == "d2"),
                "{desired}/{min}/{max}"
            );
        }
    }

    #[test]
    fn daemons_run_once_per_eligible_instance() {
        let eligible = vec!["i1".to_owned(), "i2".to_owned()];
        let plan = plan_daemon(&[], "d1", &eligible, 0, true);
        assert_eq!(plan.start_on, eligible);

        let mut on_gone = task("x", "d1", true);
        on_gone.instance = "i3".into();
        on_gone.placement = Placement::Draining;
        let mut on_i1 = task("a", "d1", true);
        on_i1.instance = "i1".into();
        let plan = plan_daemon(&[on_gone, on_i1], "d1", &eligible, 0, true);
        assert_eq!(plan.start_on, vec!["i2".to_owned()]);
        assert_eq!(plan.stop, vec![("x".to_owned(), StopCause::Draining)]);
    }

    #[test]
    fn daemon_deployments_stop_old_first() {
        let eligible = vec!["i1".to_owned()];
        let old = task("a", "d1", true);
        let plan = plan_daemon(std::slice::from_ref(&old), "d2", &eligible, 0, true);
        assert_eq!(plan.stop, vec![("a".to_owned(), StopCause::Replaced)]);
        assert!(plan.start_on.is_empty(), "the old task is still there");
        let mut stopping = old;
        stopping.stopping = true;
        let plan = plan_daemon(&[stopping], "d2", &eligible, 0, true);
        assert_eq!(plan, Plan::default());
        let plan = plan_daemon(&[], "d2", &eligible, 0, true);
        assert_eq!(plan.start_on, eligible);
    }

    #[test]
    fn thresholds_and_backoff() {
        assert_eq!(failure_threshold(1), 3);
        assert_eq!(failure_threshold(10), 5);
        assert_eq!(failure_threshold(1000), 200);
        assert_eq!(backoff_seconds(2), 0.0);
        assert_eq!(backoff_seconds(3), 5.0);
        assert_eq!(backoff_seconds(4), 10.0);
        assert_eq!(backoff_seconds(40), 300.0);
    }
}
