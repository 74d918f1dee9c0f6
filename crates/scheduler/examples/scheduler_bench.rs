//! Placement benchmark: 10,000 fake instances, 100,000 tasks in calls of 10.
//!
//! Scenario A: binpack(memory) + memberOf (zone and os-type).
//! Scenario B: spread(zone), spread(instanceId) + distinctInstance.
//! Each runs on a persistent [`Cluster`] (the fast path), and, as the baseline
//! measured in the same run, a few calls through one-shot [`schedule`] on a
//! snapshot (which rebuilds the indexes every call).
//!
//! Run: `cargo run -p berth-scheduler --release --example scheduler_bench`

use std::time::{Duration, Instant};

use berth_scheduler::testing;
use berth_scheduler::{
    parse_constraint, parse_strategy, schedule, Cluster, Instance, PlacementRequest, TaskDemand,
};

const INSTANCES: usize = 10_000;
const TASKS: usize = 100_000;
const BATCH: usize = 10;
/// One-shot calls are O(instances) each; a few hundred give a stable rate.
const SNAPSHOT_CALLS: usize = 200;

struct Scenario {
    name: &'static str,
    strategies: Vec<(&'static str, Option<&'static str>)>,
    constraints: Vec<(&'static str, Option<&'static str>)>,
    cpu: i64,
    memory_mib: i64,
    /// How many distinct task groups the calls rotate through.
    groups: usize,
}

fn request(s: &Scenario, call: usize) -> PlacementRequest {
    PlacementRequest {
        demand: TaskDemand {
            cpu: s.cpu,
            memory_mib: s.memory_mib,
            group: Some(format!("service:svc-{}", call % s.groups)),
            ..TaskDemand::default()
        },
        count: BATCH,
        strategies: s
            .strategies
            .iter()
            .map(|(t, f)| parse_strategy(t, *f).expect("valid strategy"))
            .collect(),
        constraints: s
            .constraints
            .iter()
            .map(|(t, e)| parse_constraint(t, *e).expect("valid constraint"))
            .collect(),
        seed: call as u64,
    }
}

struct Stats {
    placed: usize,
    unplaced: usize,
    elapsed: Duration,
    per_decision: Vec<Duration>,
}

impl Stats {
    fn rate(&self) -> f64 {
        self.placed as f64 / self.elapsed.as_secs_f64()
    }

    fn p99(&mut self) -> Duration {
        self.per_decision.sort();
        let idx =
            (self.per_decision.len() * 99 / 100).min(self.per_decision.len().saturating_sub(1));
        self.per_decision.get(idx).copied().unwrap_or_default()
    }
}

fn run(calls: usize, mut place: impl FnMut(usize) -> (usize, usize)) -> Stats {
    let mut stats = Stats {
        placed: 0,
        unplaced: 0,
        elapsed: Duration::ZERO,
        per_decision: Vec::with_capacity(calls),
    };
    let start = Instant::now();
    for call in 0..calls {
        let t = Instant::now();
        let (placed, unplaced) = place(call);
        let took = t.elapsed();
        stats.placed += placed;
        stats.unplaced += unplaced;
        // Per-decision latency: the call's time shared by the tasks it decided.
        stats
            .per_decision
            .push(took / (placed + unplaced).max(1) as u32);
    }
    stats.elapsed = start.elapsed();
    stats
}

fn bench(s: &Scenario, fleet: &[Instance]) {
    let mut cluster = Cluster::new(fleet.to_vec()).expect("unique ids");
    let mut fast = run(TASKS / BATCH, |call| {
        let o = cluster.place(&request(s, call)).expect("valid request");
        (o.placements.len(), o.unplaced)
    });
    let mut snapshot = run(SNAPSHOT_CALLS, |call| {
        let o = schedule(fleet, &request(s, call)).expect("valid request");
        (o.placements.len(), o.unplaced)
    });
    println!("{}", s.name);
    println!(
        "  Cluster::place   {:>9.0} placements/s  p99/decision {:>8.2?}  ({} placed, {} unplaced, {:.2?})",
        fast.rate(),
        fast.p99(),
        fast.placed,
        fast.unplaced,
        fast.elapsed
    );
    println!(
        "  schedule()       {:>9.0} placements/s  p99/decision {:>8.2?}  ({} calls on a fresh snapshot)",
        snapshot.rate(),
        snapshot.p99(),
        SNAPSHOT_CALLS
    );
    println!(
        "  ratio Cluster::place / schedule(): {:.1}x",
        fast.rate() / snapshot.rate()
    );
}

fn main() {
    let fleet = testing::instances(INSTANCES, 1);
    println!("{INSTANCES} instances, {TASKS} tasks in calls of {BATCH}, one thread\n");
    bench(
        &Scenario {
            name: "A: binpack(memory) + memberOf",
            strategies: vec![("binpack", Some("memory"))],
            constraints: vec![(
                "memberOf",
                Some("attribute:ecs.availability-zone != us-east-1e and attribute:ecs.os-type == linux"),
            )],
            cpu: 256,
            memory_mib: 512,
            groups: 100,
        },
        &fleet,
    );
    bench(
        &Scenario {
            name: "B: spread(zone), spread(instanceId) + distinctInstance",
            strategies: vec![
                ("spread", Some("attribute:ecs.availability-zone")),
                ("spread", Some("instanceId")),
            ],
            constraints: vec![("distinctInstance", None)],
            cpu: 128,
            memory_mib: 256,
            groups: 1000,
        },
        &fleet,
    );
}
