//! Table tests of placement through the public API: every strategy, the
//! constraints, every failure reason and its precedence, and the stateful
//! `Cluster` operations.

use berth_scheduler::testing::{gpu_ids, instance, instance_arn};
use berth_scheduler::{
    parse_constraint, parse_strategy, schedule, Cluster, FailureReason, Instance, InstanceStatus,
    LaunchType, PlacementFailure, PlacementOutcome, PlacementRequest, RequiredAttribute, Strategy,
    TaskDemand,
};

fn demand(cpu: i64, memory_mib: i64) -> TaskDemand {
    TaskDemand {
        cpu,
        memory_mib,
        group: Some("family:web".into()),
        ..TaskDemand::default()
    }
}

fn strategies(list: &[(&str, Option<&str>)]) -> Vec<Strategy> {
    list.iter()
        .map(|(t, f)| parse_strategy(t, *f).expect("valid strategy"))
        .collect()
}

fn request(d: TaskDemand, count: usize, strats: &[(&str, Option<&str>)]) -> PlacementRequest {
    PlacementRequest {
        demand: d,
        count,
        strategies: strategies(strats),
        constraints: vec![],
        seed: 42,
    }
}

fn with_constraint(mut r: PlacementRequest, t: &str, e: Option<&str>) -> PlacementRequest {
    r.constraints
        .push(parse_constraint(t, e).expect("valid constraint"));
    r
}

fn run(instances: &[Instance], r: &PlacementRequest) -> PlacementOutcome {
    schedule(instances, r).expect("valid request")
}

fn indexes(o: &PlacementOutcome) -> Vec<usize> {
    o.placements.iter().map(|p| p.instance_index).collect()
}

/// A 4-vCPU instance with `gib` GiB of memory in `zone`.
fn sized(n: usize, gib: i64, zone: &str) -> Instance {
    instance(n, 4, gib, zone, "m5.xlarge")
}

fn counts(o: &PlacementOutcome, n: usize) -> Vec<usize> {
    let mut c = vec![0; n];
    for p in &o.placements {
        c[p.instance_index] += 1;
    }
    c
}

#[test]
fn binpack_memory_fills_the_tightest_instance_first() {
    let fleet = [sized(0, 8, "a"), sized(1, 4, "a"), sized(2, 16, "a")];
    let o = run(
        &fleet,
        &request(demand(0, 1024), 6, &[("binpack", Some("memory"))]),
    );
    // 4 GiB holds four 1 GiB tasks, then the 8 GiB instance is the tightest.
    assert_eq!(indexes(&o), vec![1, 1, 1, 1, 0, 0]);
    assert_eq!(o.unplaced, 0);
    assert!(o.failures.is_empty());
}

#[test]
fn binpack_cpu_fills_the_tightest_instance_first() {
    let fleet = [
        instance(0, 8, 8, "a", "x"),
        instance(1, 2, 8, "a", "x"),
        instance(2, 4, 8, "a", "x"),
    ];
    let o = run(
        &fleet,
        &request(demand(1024, 0), 4, &[("binpack", Some("cpu"))]),
    );
    assert_eq!(indexes(&o), vec![1, 1, 2, 2]);
}

#[test]
fn binpack_ties_go_to_the_next_strategy() {
    let mut fleet = [sized(0, 8, "a"), sized(1, 8, "a"), sized(2, 8, "a")];
    fleet[0].running_tasks_count = 2;
    fleet[2].running_tasks_count = 1;
    let r = request(
        demand(0, 512),
        1,
        &[("binpack", Some("memory")), ("spread", Some("instanceId"))],
    );
    assert_eq!(indexes(&run(&fleet, &r)), vec![1]);
}

#[test]
fn spread_instance_id_balances_task_counts() {
    let mut fleet = [sized(0, 8, "a"), sized(1, 8, "a"), sized(2, 8, "a")];
    fleet[0].running_tasks_count = 3;
    let o = run(
        &fleet,
        &request(demand(128, 128), 5, &[("spread", Some("instanceId"))]),
    );
    // 1 and 2 catch up with 0 (3 tasks) first: 1,2 twice each... then ties.
    let c = counts(&o, 3);
    assert_eq!(c[1] + c[2], 5, "{c:?}");
    assert!(c[1].abs_diff(c[2]) <= 1, "{c:?}");
    let o = run(
        &fleet,
        &request(demand(128, 128), 8, &[("spread", Some("host"))]),
    );
    let c = counts(&o, 3);
    let totals: Vec<usize> = (0..3)
        .map(|i| c[i] + fleet[i].running_tasks_count as usize)
        .collect();
    assert!(
        totals.iter().max().unwrap_or(&0) - totals.iter().min().unwrap_or(&0) <= 1,
        "{totals:?}"
    );
}

#[test]
fn spread_zone_balances_zones_not_instances() {
    // Zone a has three instances, zone b one: tasks still alternate zones.
    let fleet = [
        sized(0, 8, "a"),
        sized(1, 8, "a"),
        sized(2, 8, "a"),
        sized(3, 8, "b"),
    ];
    let r = request(
        demand(128, 128),
        6,
        &[
            ("spread", Some("attribute:ecs.availability-zone")),
            ("spread", Some("instanceId")),
        ],
    );
    let c = counts(&run(&fleet, &r), 4);
    assert_eq!(c[3], 3, "{c:?}");
    assert_eq!(c[..3], [1, 1, 1], "instanceId spread inside zone a: {c:?}");
}

#[test]
fn spread_zone_counts_existing_tasks_per_zone() {
    let mut fleet = [sized(0, 8, "a"), sized(1, 8, "b"), sized(2, 8, "c")];
    fleet[0].running_tasks_count = 4;
    fleet[1].running_tasks_count = 1;
    let r = request(
        demand(128, 128),
        4,
        &[("spread", Some("attribute:ecs.availability-zone"))],
    );
    // Zone a (4 tasks) stays the fullest; b (1) and c (0) end within one task.
    let c = counts(&run(&fleet, &r), 3);
    assert_eq!(c[0], 0, "{c:?}");
    assert_eq!(c[1] + c[2], 4, "{c:?}");
    assert!(
        (1 + c[1]).abs_diff(c[2]) <= 1,
        "zones b and c balanced: {c:?}"
    );
}

#[test]
fn spread_on_a_custom_attribute_groups_missing_values() {
    let mut fleet = [sized(0, 8, "a"), sized(1, 8, "a"), sized(2, 8, "a")];
    fleet[0].attributes.insert("rack".into(), Some("r1".into()));
    fleet[1].attributes.insert("rack".into(), Some("r1".into()));
    // Instance 2 has no rack: it forms its own bucket.
    let c = counts(
        &run(
            &fleet,
            &request(demand(1, 1), 4, &[("spread", Some("attribute:rack"))]),
        ),
        3,
    );
    assert_eq!(c[2], 2, "{c:?}");
    assert_eq!(c[0] + c[1], 2, "{c:?}");
}

#[test]
fn random_is_seeded_and_is_the_default() {
    let fleet: Vec<Instance> = (0..50).map(|i| sized(i, 8, "a")).collect();
    let r = request(demand(1, 1), 10, &[("random", None)]);
    let a = run(&fleet, &r);
    assert_eq!(a, run(&fleet, &r), "same seed, same placements");
    let mut other = r.clone();
    other.seed = 43;
    assert_ne!(
        indexes(&a),
        indexes(&run(&fleet, &other)),
        "another seed, another draw"
    );
    let mut default = r.clone();
    default.strategies.clear();
    assert_eq!(a, run(&fleet, &default), "no strategy means random");
    let distinct: std::collections::BTreeSet<_> = indexes(&a).into_iter().collect();
    assert!(
        distinct.len() > 3,
        "random should not pile onto one instance: {a:?}"
    );
}

#[test]
fn member_of_restricts_candidates() {
    let fleet = [
        instance(0, 4, 8, "us-east-1a", "t2.large"),
        instance(1, 4, 8, "us-east-1b", "m5.large"),
        instance(2, 4, 8, "us-east-1c", "t2.small"),
    ];
    let r = with_constraint(
        request(demand(128, 128), 6, &[("spread", Some("instanceId"))]),
        "memberOf",
        Some(
            "attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone != us-east-1c",
        ),
    );
    assert_eq!(counts(&run(&fleet, &r), 3), vec![6, 0, 0]);
}

#[test]
fn dynamic_member_of_is_rechecked_after_each_placement() {
    let fleet = [sized(0, 8, "a"), sized(1, 16, "a")];
    let r = with_constraint(
        request(demand(128, 128), 5, &[("binpack", Some("memory"))]),
        "memberOf",
        Some("runningTasksCount < 2"),
    );
    let o = run(&fleet, &r);
    assert_eq!(indexes(&o), vec![0, 0, 1, 1]);
    assert_eq!(o.unplaced, 1);
    assert!(
        o.failures
            .iter()
            .all(|f| f.reason == FailureReason::MemberOf),
        "{o:?}"
    );
}

#[test]
fn distinct_instance_spreads_one_call_and_avoids_existing_group_hosts() {
    let mut fleet = [sized(0, 8, "a"), sized(1, 8, "a"), sized(2, 8, "a")];
    fleet[2].task_groups.insert("family:web".into(), 1);
    let r = with_constraint(
        request(demand(128, 128), 3, &[("binpack", Some("memory"))]),
        "distinctInstance",
        None,
    );
    let o = run(&fleet, &r);
    let mut placed = indexes(&o);
    placed.sort();
    assert_eq!(placed, vec![0, 1]);
    assert_eq!(o.unplaced, 1);
    let reasons: Vec<_> = o.failures.iter().map(|f| f.reason).collect();
    assert_eq!(reasons, vec![FailureReason::DistinctInstance; 3]);
}

#[test]
fn partial_placement_reports_the_rest() {
    let fleet = [sized(0, 4, "a")];
    let o = run(&fleet, &request(demand(0, 1024), 6, &[]));
    assert_eq!(o.placements.len(), 4);
    assert_eq!(o.unplaced, 2);
    assert_eq!(
        o.failures,
        vec![PlacementFailure {
            reason: FailureReason::Memory,
            instance_arn: Some(instance_arn(0))
        }]
    );
    let wire = o.ecs_failures();
    assert_eq!(wire[0].reason.as_deref(), Some("RESOURCE:MEMORY"));
    assert_eq!(wire[0].arn.as_deref(), Some(instance_arn(0).as_str()));
}

fn only_reason(fleet: &[Instance], r: &PlacementRequest) -> Vec<(FailureReason, Option<String>)> {
    let o = run(fleet, r);
    assert!(o.placements.is_empty(), "nothing should fit: {o:?}");
    assert_eq!(o.unplaced, r.count);
    o.failures
        .into_iter()
        .map(|f| (f.reason, f.instance_arn))
        .collect()
}

#[test]
fn every_failure_reason() {
    let base = || sized(0, 4, "us-east-1a");
    let arn = Some(instance_arn(0));
    let plain = request(demand(128, 128), 1, &[]);

    assert_eq!(
        only_reason(&[], &plain),
        vec![(FailureReason::NoInstances, None)]
    );

    let mut draining = base();
    draining.status = InstanceStatus::Draining;
    assert_eq!(
        only_reason(&[draining], &plain),
        vec![(FailureReason::NoInstances, None)]
    );

    let mut external = base();
    external.launch_type = LaunchType::External;
    let mut ec2_only = plain.clone();
    ec2_only.demand.launch_type = Some(LaunchType::Ec2);
    assert_eq!(
        only_reason(&[external], &ec2_only),
        vec![(FailureReason::NoInstances, None)]
    );

    let mut gone = base();
    gone.agent_connected = false;
    assert_eq!(
        only_reason(&[gone], &plain),
        vec![(FailureReason::Agent, arn.clone())]
    );

    let mut requires = plain.clone();
    requires.demand.required_attributes = vec![RequiredAttribute {
        name: "com.amazonaws.ecs.capability.ecr-auth".into(),
        value: None,
    }];
    assert_eq!(
        only_reason(&[base()], &requires),
        vec![(FailureReason::Attribute, arn.clone())]
    );
    let mut wrong_value = plain.clone();
    wrong_value.demand.required_attributes = vec![RequiredAttribute {
        name: "ecs.os-type".into(),
        value: Some("windows".into()),
    }];
    assert_eq!(
        only_reason(&[base()], &wrong_value),
        vec![(FailureReason::Attribute, arn.clone())]
    );

    let member = with_constraint(
        plain.clone(),
        "memberOf",
        Some("attribute:ecs.os-type == windows"),
    );
    assert_eq!(
        only_reason(&[base()], &member),
        vec![(FailureReason::MemberOf, arn.clone())]
    );

    let mut hosting = base();
    hosting.task_groups.insert("family:web".into(), 1);
    let distinct = with_constraint(plain.clone(), "distinctInstance", None);
    assert_eq!(
        only_reason(&[hosting], &distinct),
        vec![(FailureReason::DistinctInstance, arn.clone())]
    );

    assert_eq!(
        only_reason(&[base()], &request(demand(4097, 128), 1, &[])),
        vec![(FailureReason::Cpu, arn.clone())]
    );
    assert_eq!(
        only_reason(&[base()], &request(demand(128, 4097), 1, &[])),
        vec![(FailureReason::Memory, arn.clone())]
    );

    let mut reserved = plain.clone();
    reserved.demand.tcp_ports = vec![22];
    assert_eq!(
        only_reason(&[base()], &reserved),
        vec![(FailureReason::Ports, arn.clone())]
    );
    let mut busy = base();
    busy.used.udp_ports.insert(53);
    let mut udp = plain.clone();
    udp.demand.udp_ports = vec![53];
    assert_eq!(
        only_reason(&[busy], &udp),
        vec![(FailureReason::Ports, arn.clone())]
    );

    let mut gpu = plain.clone();
    gpu.demand.gpus = 1;
    assert_eq!(
        only_reason(&[base()], &gpu),
        vec![(FailureReason::Gpu, arn.clone())],
        "an instance without GPUs"
    );
    let mut taken = base();
    taken.registered.gpus = gpu_ids(0, 2);
    taken.used.gpus = gpu_ids(0, 1);
    gpu.demand.gpus = 2;
    assert_eq!(
        only_reason(&[taken], &gpu),
        vec![(FailureReason::Gpu, arn.clone())],
        "an instance with one of its two GPUs taken"
    );
    assert_eq!(FailureReason::Gpu.as_str(), "RESOURCE:GPU");
}

#[test]
fn failure_precedence_is_fixed() {
    let arn = Some(instance_arn(0));
    // Disconnected *and* too small: AGENT wins.
    let mut gone = sized(0, 4, "a");
    gone.agent_connected = false;
    assert_eq!(
        only_reason(&[gone], &request(demand(99_999, 99_999), 1, &[])),
        vec![(FailureReason::Agent, arn.clone())]
    );
    // Disconnected and draining: AGENT is checked first.
    let mut both = sized(0, 4, "a");
    both.agent_connected = false;
    both.status = InstanceStatus::Draining;
    assert_eq!(
        only_reason(&[both], &request(demand(1, 1), 1, &[])),
        vec![(FailureReason::Agent, arn.clone())]
    );
    // memberOf before resources.
    let member = with_constraint(
        request(demand(99_999, 1), 1, &[]),
        "memberOf",
        Some("attribute:stack exists"),
    );
    assert_eq!(
        only_reason(&[sized(0, 4, "a")], &member),
        vec![(FailureReason::MemberOf, arn.clone())]
    );
    // CPU before memory before ports.
    let mut all = request(demand(99_999, 99_999), 1, &[]);
    all.demand.tcp_ports = vec![22];
    assert_eq!(
        only_reason(&[sized(0, 4, "a")], &all),
        vec![(FailureReason::Cpu, arn.clone())]
    );
    all.demand.cpu = 1;
    assert_eq!(
        only_reason(&[sized(0, 4, "a")], &all),
        vec![(FailureReason::Memory, arn.clone())]
    );
    all.demand.gpus = 1;
    all.demand.memory_mib = 1;
    assert_eq!(
        only_reason(&[sized(0, 4, "a")], &all),
        vec![(FailureReason::Gpu, arn.clone())],
        "GPU before ports"
    );
    all.demand.gpus = 0;
    assert_eq!(
        only_reason(&[sized(0, 4, "a")], &all),
        vec![(FailureReason::Ports, arn)]
    );
}

/// An instance of `n` with `gpus` GPUs.
fn with_gpus(n: usize, gpus: usize) -> Instance {
    let mut i = sized(n, 16, "a");
    i.registered.gpus = gpu_ids(n, gpus);
    i
}

#[test]
fn gpu_tasks_go_only_where_enough_gpus_are_free_and_get_distinct_ones() {
    let fleet = [with_gpus(0, 0), with_gpus(1, 1), with_gpus(2, 4)];
    let mut r = request(demand(128, 128), 3, &[("spread", Some("instanceId"))]);
    r.demand.gpus = 2;
    let o = run(&fleet, &r);
    // Only instance 2 has two free GPUs, and only twice.
    assert_eq!(indexes(&o), vec![2, 2]);
    assert_eq!(o.unplaced, 1);
    assert_eq!(
        o.failures
            .iter()
            .map(|f| (f.reason, f.instance_arn.clone()))
            .collect::<Vec<_>>(),
        (0..3)
            .map(|n| (FailureReason::Gpu, Some(instance_arn(n))))
            .collect::<Vec<_>>()
    );
    let ids = gpu_ids(2, 4).into_iter().collect::<Vec<_>>();
    // The lowest free IDs first, so the same cluster and request give the same GPUs.
    assert_eq!(o.placements[0].gpu_ids, ids[0..2].to_vec());
    assert_eq!(o.placements[1].gpu_ids, ids[2..4].to_vec());
    // A task without GPUs gets none, and may go to an instance without any.
    let plain = run(&fleet, &request(demand(128, 128), 1, &[]));
    assert_eq!(plain.placements.len(), 1);
    assert!(plain.placements[0].gpu_ids.is_empty());
}

#[test]
fn gpus_already_held_are_not_given_again() {
    let mut host = with_gpus(0, 3);
    let ids: Vec<String> = host.registered.gpus.iter().cloned().collect();
    host.used.gpus.insert(ids[1].clone());
    // A GPU a task holds that the instance no longer registers frees nothing.
    host.used.gpus.insert("GPU-gone".into());
    let mut r = request(demand(1, 1), 1, &[]);
    r.demand.gpus = 2;
    let o = run(&[host.clone()], &r);
    assert_eq!(
        o.placements[0].gpu_ids,
        vec![ids[0].clone(), ids[2].clone()]
    );
    r.demand.gpus = 3;
    assert_eq!(
        only_reason(&[host], &r),
        vec![(FailureReason::Gpu, Some(instance_arn(0)))]
    );
}

#[test]
fn a_cluster_books_and_releases_gpus_by_id() {
    let mut c = Cluster::new(vec![with_gpus(0, 2)]).expect("unique ids");
    let mut r = request(demand(1, 1), 1, &[("binpack", Some("memory"))]);
    r.demand.gpus = 1;
    let first = c.place(&r).expect("valid").placements[0].gpu_ids.clone();
    let second = c.place(&r).expect("valid").placements[0].gpu_ids.clone();
    assert_ne!(first, second);
    assert_eq!(c.place(&r).expect("valid").unplaced, 1, "both GPUs held");
    c.release(&instance_arn(0), &r.demand, &first)
        .expect("known");
    assert_eq!(
        c.place(&r).expect("valid").placements[0].gpu_ids,
        first,
        "the released GPU is free again"
    );
    // A task found running elsewhere holds what it holds.
    c.release(&instance_arn(0), &r.demand, &second)
        .expect("known");
    c.book(&instance_arn(0), &r.demand, &second).expect("known");
    assert_eq!(c.instances()[0].remaining_gpus(), 0);
    assert_eq!(c.place(&r).expect("valid").unplaced, 1);
}

#[test]
fn failures_name_each_rejecting_instance_and_skip_left_out_ones() {
    let mut fleet = vec![sized(0, 4, "a"), sized(1, 4, "a"), sized(2, 4, "a")];
    fleet[1].status = InstanceStatus::Draining;
    fleet[2].agent_connected = false;
    let reasons = only_reason(&fleet, &request(demand(1, 8192), 1, &[]));
    assert_eq!(
        reasons,
        vec![
            (FailureReason::Memory, Some(instance_arn(0))),
            (FailureReason::Agent, Some(instance_arn(2)))
        ]
    );
}

#[test]
fn static_ports_take_one_task_per_instance() {
    let fleet = [sized(0, 8, "a"), sized(1, 8, "a")];
    let mut r = request(demand(1, 1), 3, &[("binpack", Some("memory"))]);
    r.demand.tcp_ports = vec![80];
    r.demand.udp_ports = vec![5353];
    let o = run(&fleet, &r);
    assert_eq!(counts(&o, 2), vec![1, 1]);
    assert_eq!(
        o.failures.iter().map(|f| f.reason).collect::<Vec<_>>(),
        vec![FailureReason::Ports; 2]
    );
}

#[test]
fn invalid_demands_are_errors() {
    let fleet = [sized(0, 8, "a")];
    let bad = [
        demand(-1, 1),
        demand(1, -1),
        TaskDemand {
            tcp_ports: vec![80, 80],
            ..demand(1, 1)
        },
    ];
    for d in bad {
        assert!(
            schedule(&fleet, &request(d.clone(), 1, &[])).is_err(),
            "{d:?}"
        );
    }
    let dup = [sized(0, 8, "a"), sized(0, 8, "a")];
    assert!(schedule(&dup, &request(demand(1, 1), 1, &[])).is_err());
}

#[test]
fn zero_count_places_nothing() {
    let o = run(&[sized(0, 8, "a")], &request(demand(1, 1), 0, &[]));
    assert_eq!(o, PlacementOutcome::default());
}

#[test]
fn cluster_books_releases_and_tracks_upserts() {
    let mut c = Cluster::new(vec![sized(0, 4, "a"), sized(1, 4, "b")]).expect("unique ids");
    let r = with_constraint(
        request(demand(1024, 1024), 8, &[("binpack", Some("memory"))]),
        "memberOf",
        Some("attribute:ecs.availability-zone == a"),
    );
    let o = c.place(&r).expect("valid");
    assert_eq!(o.placements.len(), 4);
    let first = c.instance(&instance_arn(0)).expect("exists");
    assert_eq!(
        (
            first.used.cpu,
            first.used.memory_mib,
            first.running_tasks_count
        ),
        (4096, 4096, 4)
    );
    assert_eq!(first.task_groups.get("family:web"), Some(&4));

    c.release(&instance_arn(0), &r.demand, &[]).expect("known");
    assert_eq!(
        c.place(&r).expect("valid").placements.len(),
        1,
        "one slot was freed"
    );

    // Moving instance 1 into zone a must invalidate the cached memberOf result.
    let mut moved = c.instance(&instance_arn(1)).expect("exists").clone();
    moved
        .attributes
        .insert("ecs.availability-zone".into(), Some("a".into()));
    c.upsert_instance(moved);
    assert_eq!(c.place(&r).expect("valid").placements.len(), 4);

    c.upsert_instance(sized(7, 4, "a"));
    assert_eq!(c.instances().len(), 3);
    assert!(c.remove_instance(&instance_arn(0)).is_some());
    assert!(c.instance(&instance_arn(0)).is_none());
    assert_eq!(
        c.place(&r).expect("valid").placements.len(),
        4,
        "only the new instance has room"
    );
    assert!(c.release("arn:nope", &r.demand, &[]).is_err());
}

#[test]
fn schedule_leaves_the_snapshot_alone() {
    let fleet = vec![sized(0, 4, "a")];
    let before = fleet.clone();
    let _ = run(&fleet, &request(demand(1, 1), 3, &[]));
    assert_eq!(fleet, before);
}

#[test]
fn cache_eviction_never_drops_what_the_current_request_uses() {
    let mut c = Cluster::new(vec![sized(0, 8, "a"), sized(1, 8, "b")]).expect("unique ids");
    // Fill the memberOf and spread caches to one short of their limit (256).
    for n in 0..255 {
        let mut r = with_constraint(
            request(demand(0, 0), 1, &[]),
            "memberOf",
            Some(&format!("attribute:nothing != v{n}")),
        );
        r.strategies = strategies(&[("spread", Some(&format!("attribute:a{n}")))]);
        c.place(&r).expect("valid");
    }
    // Two new entries each: the first must survive the second's insertion.
    let mut r = with_constraint(
        with_constraint(
            request(demand(0, 0), 4, &[]),
            "memberOf",
            Some("attribute:ecs.availability-zone == b"),
        ),
        "memberOf",
        Some("attribute:ecs.os-type == linux"),
    );
    r.strategies = strategies(&[
        ("spread", Some("attribute:ecs.availability-zone")),
        ("spread", Some("attribute:ecs.os-type")),
    ]);
    let o = c.place(&r).expect("valid");
    assert_eq!(counts(&o, 2), vec![0, 4], "{o:?}");
}
