//! Property tests: over random clusters and random sequences of requests whose
//! results are applied, no resource is ever over-committed (a GPU is given to one task
//! at a time, and only a GPU the instance has), distinctInstance always holds, every
//! placement satisfies every memberOf, and the stateful `Cluster` agrees exactly with
//! one-shot `schedule` calls on snapshots.

use std::collections::BTreeSet;

use berth_scheduler::testing::{gpu_ids, instance};
use berth_scheduler::{
    parse_constraint, parse_strategy, schedule, Cluster, Constraint, Instance, InstanceStatus,
    PlacementRequest, Strategy as PlacementStrategy, TaskDemand,
};
use proptest::prelude::*;

const EXPRESSIONS: [&str; 6] = [
    "attribute:ecs.availability-zone in [z0, z1]",
    "attribute:rack != r1",
    "not attribute:ecs.instance-type =~ big.*",
    "runningTasksCount < 3",
    "task:group != g1 or attribute:rack == r2",
    "attribute:rack exists and agentConnected == true",
];

const STRATEGIES: [(&str, Option<&str>); 6] = [
    ("binpack", Some("cpu")),
    ("binpack", Some("memory")),
    ("spread", Some("instanceId")),
    ("spread", Some("attribute:ecs.availability-zone")),
    ("spread", Some("attribute:rack")),
    ("random", None),
];

fn arb_instance() -> impl Strategy<Value = Instance> {
    (
        0i64..4,       // vCPU
        0i64..8,       // GiB
        0usize..3,     // zone
        0usize..3,     // rack (2 = none)
        any::<bool>(), // big type
        0u8..10,       // status/agent roll
        prop::collection::btree_set(prop::sample::select(vec![80u16, 81, 82]), 0..2),
        prop::option::of(prop::sample::select(vec!["g1", "g2"])),
        (0usize..5, 0usize..3), // GPUs registered, and how many of them are held
    )
        .prop_map(
            |(vcpu, gib, zone, rack, big, roll, reserved, group, gpus)| {
                let ty = if big { "big.xlarge" } else { "small.large" };
                let mut i = instance(0, vcpu, gib, &format!("z{zone}"), ty);
                if rack < 2 {
                    i.attributes.insert("rack".into(), Some(format!("r{rack}")));
                }
                i.status = if roll == 0 {
                    InstanceStatus::Draining
                } else {
                    InstanceStatus::Active
                };
                i.agent_connected = roll != 1;
                i.registered.tcp_ports.extend(reserved);
                // IDs from instance 0's range; arb_cluster renames them per instance.
                let (registered, held) = gpus;
                i.registered.gpus = gpu_ids(0, registered);
                i.used.gpus = i.registered.gpus.iter().take(held).cloned().collect();
                if let Some(g) = group {
                    i.task_groups.insert(g.into(), 1);
                    i.running_tasks_count = 1;
                }
                i
            },
        )
}

fn arb_cluster() -> impl Strategy<Value = Vec<Instance>> {
    prop::collection::vec(arb_instance(), 0..10).prop_map(|mut v| {
        for (n, i) in v.iter_mut().enumerate() {
            i.id = berth_scheduler::testing::instance_arn(n);
            let held = i.used.gpus.len();
            i.registered.gpus = gpu_ids(n, i.registered.gpus.len());
            i.used.gpus = i.registered.gpus.iter().take(held).cloned().collect();
        }
        v
    })
}

fn arb_request() -> impl Strategy<Value = PlacementRequest> {
    (
        0i64..2048,
        0i64..3072,
        prop::collection::btree_set(prop::sample::select(vec![80u16, 81, 82]), 0..2),
        prop::collection::btree_set(prop::sample::select(vec![53u16]), 0..2),
        prop::option::of(prop::sample::select(vec!["g1", "g2"])),
        1usize..7,
        prop::collection::vec(prop::sample::select(STRATEGIES.to_vec()), 0..3),
        any::<bool>(),
        prop::collection::vec(prop::sample::select(EXPRESSIONS.to_vec()), 0..2),
        any::<u64>(),
        prop::sample::select(vec![0u32, 0, 1, 2, 3]),
    )
        .prop_map(
            |(cpu, mem, tcp, udp, group, count, strats, distinct, exprs, seed, gpus)| {
                let mut constraints: Vec<Constraint> = exprs
                    .iter()
                    .map(|e| parse_constraint("memberOf", Some(e)).expect("valid expression"))
                    .collect();
                if distinct {
                    constraints.push(Constraint::DistinctInstance);
                }
                PlacementRequest {
                    demand: TaskDemand {
                        cpu,
                        memory_mib: mem,
                        tcp_ports: tcp.into_iter().collect(),
                        udp_ports: udp.into_iter().collect(),
                        group: group.map(String::from),
                        gpus,
                        ..TaskDemand::default()
                    },
                    count,
                    strategies: strats
                        .iter()
                        .map(|(t, f)| parse_strategy(t, *f).expect("valid strategy"))
                        .collect::<Vec<PlacementStrategy>>(),
                    constraints,
                    seed,
                }
            },
        )
}

/// Applies one placement the way the server would, failing the property if it
/// over-commits anything.
fn apply(inst: &mut Instance, d: &TaskDemand, gpus: &[String]) -> Result<(), TestCaseError> {
    prop_assert_eq!(gpus.len(), d.gpus as usize, "wrong number of GPUs given");
    for g in gpus {
        prop_assert!(
            inst.registered.gpus.contains(g),
            "GPU {} is not {}'s",
            g,
            inst.id
        );
        prop_assert!(inst.used.gpus.insert(g.clone()), "GPU {} given twice", g);
    }
    inst.used.cpu += d.cpu;
    inst.used.memory_mib += d.memory_mib;
    prop_assert!(
        inst.used.cpu <= inst.registered.cpu,
        "cpu over-committed on {}",
        inst.id
    );
    prop_assert!(
        inst.used.memory_mib <= inst.registered.memory_mib,
        "memory over-committed"
    );
    for p in &d.tcp_ports {
        prop_assert!(
            !inst.registered.tcp_ports.contains(p),
            "reserved tcp port {p} used"
        );
        prop_assert!(inst.used.tcp_ports.insert(*p), "tcp port {p} bound twice");
    }
    for p in &d.udp_ports {
        prop_assert!(
            !inst.registered.udp_ports.contains(p),
            "reserved udp port {p} used"
        );
        prop_assert!(inst.used.udp_ports.insert(*p), "udp port {p} bound twice");
    }
    inst.running_tasks_count += 1;
    if let Some(g) = &d.group {
        *inst.task_groups.entry(g.clone()).or_insert(0) += 1;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn placements_respect_every_rule(
        mut fleet in arb_cluster(),
        requests in prop::collection::vec(arb_request(), 1..8),
    ) {
        let mut cluster = Cluster::new(fleet.clone()).expect("unique ids");
        for r in &requests {
            let outcome = schedule(&fleet, r).expect("valid request");
            // The stateful cluster, with its caches, must agree with a fresh snapshot.
            prop_assert_eq!(&cluster.place(r).expect("valid request"), &outcome);

            prop_assert_eq!(outcome.placements.len() + outcome.unplaced, r.count);
            prop_assert_eq!(outcome.failures.is_empty(), outcome.unplaced == 0);

            let distinct = r.constraints.iter().any(|c| matches!(c, Constraint::DistinctInstance));
            let mut used_here = BTreeSet::new();
            for p in &outcome.placements {
                let inst = &fleet[p.instance_index];
                prop_assert_eq!(&inst.id, &p.instance_id);
                prop_assert!(inst.status == InstanceStatus::Active && inst.agent_connected);
                // memberOf holds on the state the decision saw (dynamic subjects
                // such as runningTasksCount include this call's earlier tasks).
                for c in &r.constraints {
                    if let Constraint::MemberOf(m) = c {
                        prop_assert!(m.expr().matches(inst), "{} violated on {}", m.source(), inst.id);
                    }
                }
                if distinct {
                    prop_assert!(used_here.insert(p.instance_index), "two tasks on one instance");
                    if let Some(g) = &r.demand.group {
                        prop_assert!(!inst.task_groups.contains_key(g), "instance already runs {}", g);
                    }
                }
                apply(&mut fleet[p.instance_index], &r.demand, &p.gpu_ids)?;
            }
        }
        prop_assert_eq!(cluster.instances(), &fleet[..]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A long-lived `Cluster` that follows tasks started and stopped elsewhere through
    /// `set_usage` decides exactly as a `Cluster` built fresh from the same state, caches
    /// (memberOf, spread counts, groups) included.
    #[test]
    fn set_usage_keeps_a_cluster_equal_to_a_fresh_one(
        original in arb_cluster(),
        requests in prop::collection::vec(arb_request(), 1..8),
        resets in prop::collection::vec(prop::collection::vec(any::<prop::sample::Index>(), 0..3), 8),
    ) {
        let mut fleet = original.clone();
        let mut kept = Cluster::new(fleet.clone()).expect("unique ids");
        for (r, reset) in requests.iter().zip(&resets) {
            let outcome = schedule(&fleet, r).expect("valid request");
            prop_assert_eq!(&kept.place(r).expect("valid request"), &outcome);
            for p in &outcome.placements {
                apply(&mut fleet[p.instance_index], &r.demand, &p.gpu_ids)?;
            }
            // Some instances' tasks stop elsewhere: their usage returns to what it was.
            for index in reset {
                if fleet.is_empty() {
                    break;
                }
                let i = index.index(fleet.len());
                let was = &original[i];
                fleet[i].used = was.used.clone();
                fleet[i].running_tasks_count = was.running_tasks_count;
                fleet[i].task_groups = was.task_groups.clone();
                kept.set_usage(
                    &was.id,
                    was.used.clone(),
                    was.running_tasks_count,
                    was.task_groups.clone(),
                )
                .expect("a known instance");
            }
            prop_assert_eq!(kept.instances(), &fleet[..]);
        }
    }
}

/// Spread counts built before a `set_usage` follow it: tasks that appear elsewhere in one
/// zone send the next task to the other zone.
#[test]
fn set_usage_moves_spread_counts() {
    let fleet = vec![instance(0, 4, 8, "z0", "t"), instance(1, 4, 8, "z1", "t")];
    let mut cluster = Cluster::new(fleet.clone()).expect("unique ids");
    let request = |count| PlacementRequest {
        demand: TaskDemand {
            cpu: 1,
            memory_mib: 1,
            tcp_ports: vec![],
            udp_ports: vec![],
            gpus: 0,
            group: None,
            launch_type: None,
            required_attributes: vec![],
        },
        count,
        strategies: vec![
            parse_strategy("spread", Some("attribute:ecs.availability-zone")).unwrap(),
        ],
        constraints: vec![],
        seed: 7,
    };
    // Builds the spread index: one task in each zone.
    assert_eq!(cluster.place(&request(2)).unwrap().placements.len(), 2);
    // Five more tasks appear in z0 (say, placed by another server before a restart).
    let z0 = cluster.instances()[0].clone();
    let mut used = z0.used.clone();
    used.cpu += 5;
    used.memory_mib += 5;
    cluster
        .set_usage(
            &z0.id,
            used,
            z0.running_tasks_count + 5,
            z0.task_groups.clone(),
        )
        .unwrap();
    let next = cluster.place(&request(3)).unwrap();
    assert!(
        next.placements.iter().all(|p| p.instance_index == 1),
        "z1 is the emptier zone: {next:?}"
    );
}
