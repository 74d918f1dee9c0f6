//! The 200-agent scale test: `berth sim`'s fleet (through `berth_agent::sim::run_sim`, the
//! code the command runs) of 200 simulated agents across 5 zones registers with a real
//! server, 5,000 tasks are placed with concurrent RunTask calls (spread over zones, binpack
//! on memory, distinctInstance with a static host port), and the resource invariants hold:
//! per instance, remaining resources are non-negative and registered − remaining equals the
//! sum over its live tasks; no static host port is booked twice on one instance; the spread
//! calls are balanced across zones; every requested task is accounted for.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use aws_sdk_ecs::types::{
    ContainerDefinition, ContainerInstance, PlacementConstraint, PlacementConstraintType,
    PlacementStrategy, PlacementStrategyType, PortMapping, Task,
};
use berth_agent::sim::{run_sim, SimConfig, ZONE_ATTRIBUTE};
use berth_testkit::fixtures::register;
use berth_testkit::{test_image, wait_for, TestCluster};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

const AGENTS: usize = 200;
const ZONES: [&str; 5] = ["zone-a", "zone-b", "zone-c", "zone-d", "zone-e"];
const HOST_CPU: i32 = 4096;
const HOST_MEMORY: i64 = 8192;
const TASK_CPU: i32 = 128;
const TASK_MEMORY: i32 = 256;
const HOST_PORT: i32 = 8080;
/// RunTask calls in flight at once.
const IN_FLIGHT: usize = 8;
/// 250 spread calls + 240 binpack calls + 10 distinctInstance calls, 10 tasks each.
const SPREAD_CALLS: usize = 250;
const BINPACK_CALLS: usize = 240;
const DISTINCT_CALLS: usize = 10;
const PER_CALL: i32 = 10;
const LONG: Duration = Duration::from_secs(300);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Spread,
    Binpack,
    Distinct,
}

fn resource(instance: &ContainerInstance, remaining: bool, name: &str) -> i64 {
    let list = if remaining {
        instance.remaining_resources()
    } else {
        instance.registered_resources()
    };
    list.iter()
        .find(|r| r.name() == Some(name))
        .map(|r| i64::from(r.integer_value()))
        .unwrap_or_else(|| panic!("instance has no {name} resource"))
}

fn zone_of(instance: &ContainerInstance) -> String {
    instance
        .attributes()
        .iter()
        .find(|a| a.name() == ZONE_ATTRIBUTE)
        .and_then(|a| a.value())
        .expect("a zone attribute")
        .to_owned()
}

async fn describe_instances(cluster: &TestCluster, arns: &[String]) -> Vec<ContainerInstance> {
    let mut all = Vec::new();
    for chunk in arns.chunks(100) {
        let out = cluster
            .client
            .describe_container_instances()
            .set_container_instances(Some(chunk.to_vec()))
            .send()
            .await
            .expect("DescribeContainerInstances");
        assert!(out.failures().is_empty(), "failures: {:?}", out.failures());
        all.extend(out.container_instances().iter().cloned());
    }
    all
}

/// Every container instance of the cluster, through ListContainerInstances pages.
async fn list_instances(cluster: &TestCluster) -> Vec<String> {
    let mut arns = Vec::new();
    let mut next = None;
    loop {
        let page = cluster
            .client
            .list_container_instances()
            .max_results(100)
            .set_next_token(next)
            .send()
            .await
            .expect("ListContainerInstances");
        arns.extend(page.container_instance_arns().iter().cloned());
        next = page.next_token().map(str::to_owned);
        if next.is_none() {
            return arns;
        }
    }
}

/// Every task of the cluster, through ListTasks pages and DescribeTasks.
async fn all_tasks(cluster: &TestCluster) -> Vec<Task> {
    let mut arns = Vec::new();
    let mut next = None;
    loop {
        let page = cluster
            .client
            .list_tasks()
            .max_results(100)
            .set_next_token(next)
            .send()
            .await
            .expect("ListTasks");
        arns.extend(page.task_arns().iter().cloned());
        next = page.next_token().map(str::to_owned);
        if next.is_none() {
            break;
        }
    }
    let mut tasks = Vec::new();
    for chunk in arns.chunks(100) {
        let out = cluster
            .client
            .describe_tasks()
            .set_tasks(Some(chunk.to_vec()))
            .send()
            .await
            .expect("DescribeTasks");
        assert!(out.failures().is_empty(), "failures: {:?}", out.failures());
        tasks.extend(out.tasks().iter().cloned());
    }
    tasks
}

fn container(port: bool) -> ContainerDefinition {
    let mut builder = ContainerDefinition::builder()
        .name("app")
        .image(test_image())
        .cpu(TASK_CPU)
        .memory(TASK_MEMORY)
        .command("sleep")
        .command("3600");
    if port {
        builder = builder.port_mappings(
            PortMapping::builder()
                .container_port(80)
                .host_port(HOST_PORT)
                .build(),
        );
    }
    builder.build()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_simulated_agents_take_five_thousand_tasks_within_their_resources() {
    let cluster = TestCluster::start().await;
    let token = cluster
        .server
        .app
        .create_join_token("default", true)
        .await
        .expect("a join token");
    let mut config = SimConfig::new(
        cluster.endpoint(),
        token,
        "default",
        AGENTS,
        cluster.data_dir().join("sim"),
    );
    config.zones = ZONES.iter().map(|z| (*z).to_owned()).collect();
    config.fake.info.cpu_units = HOST_CPU;
    config.fake.info.memory_mib = HOST_MEMORY;

    let started = Instant::now();
    let cancel = CancellationToken::new();
    let (registered_tx, registered_rx) = tokio::sync::oneshot::channel();
    let fleet = tokio::spawn(run_sim(config, cancel.clone(), move |identities| {
        let _ = registered_tx.send(identities.to_vec());
    }));
    let identities = tokio::time::timeout(LONG, registered_rx)
        .await
        .expect("every simulated agent registers in time")
        .expect("the fleet announces its registration");
    let arns: Vec<String> = identities
        .iter()
        .map(|i| i.container_instance_arn.clone())
        .collect();
    assert_eq!(arns.iter().collect::<HashSet<_>>().len(), AGENTS);
    // Every instance is listed and connected (TestCluster::wait_for_instances describes in
    // one call, which ECS caps at 100 instances: list and describe in pages here).
    let instances = wait_for("every instance to be connected", LONG, || async {
        let listed = list_instances(&cluster).await;
        if listed.len() < AGENTS {
            return None;
        }
        let instances = describe_instances(&cluster, &listed).await;
        instances
            .iter()
            .all(|i| i.agent_connected())
            .then_some(instances)
    })
    .await;
    assert_eq!(
        instances
            .iter()
            .filter_map(|i| i.container_instance_arn())
            .collect::<HashSet<_>>(),
        arns.iter().map(String::as_str).collect::<HashSet<_>>()
    );
    let registered_in = started.elapsed();
    let zones: HashMap<String, String> = instances
        .iter()
        .map(|i| {
            assert!(i.agent_connected());
            assert_eq!(i.status(), Some("ACTIVE"));
            (
                i.container_instance_arn().unwrap_or_default().to_owned(),
                zone_of(i),
            )
        })
        .collect();

    let plain = register(&cluster.client, "scale", vec![container(false)]).await;
    let ported = register(&cluster.client, "scale-port", vec![container(true)]).await;

    // Spread calls first (so zone balance is measured on an even fleet), then the
    // distinctInstance calls with a static host port, then binpack on memory.
    let mut calls = Vec::new();
    calls.extend(std::iter::repeat_n(Kind::Spread, SPREAD_CALLS));
    calls.extend(std::iter::repeat_n(Kind::Distinct, DISTINCT_CALLS));
    calls.extend(std::iter::repeat_n(Kind::Binpack, BINPACK_CALLS));
    let requested = calls.len() * PER_CALL as usize;
    assert_eq!(requested, 5000);

    let placing = Instant::now();
    let gate = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut handles = Vec::new();
    let mut previous = Kind::Spread;
    for kind in calls {
        if kind != previous {
            // Finish one phase before the next starts.
            let _all = gate
                .clone()
                .acquire_many_owned(IN_FLIGHT as u32)
                .await
                .expect("the gate stays open");
            previous = kind;
        }
        let permit = gate
            .clone()
            .acquire_owned()
            .await
            .expect("the gate stays open");
        let client = cluster.client.clone();
        let td = if kind == Kind::Distinct {
            &ported
        } else {
            &plain
        }
        .clone();
        handles.push(tokio::spawn(async move {
            let mut call = client.run_task().task_definition(td).count(PER_CALL);
            call = match kind {
                Kind::Spread => call.placement_strategy(
                    PlacementStrategy::builder()
                        .r#type(PlacementStrategyType::Spread)
                        .field(format!("attribute:{ZONE_ATTRIBUTE}"))
                        .build(),
                ),
                Kind::Binpack => call.placement_strategy(
                    PlacementStrategy::builder()
                        .r#type(PlacementStrategyType::Binpack)
                        .field("memory")
                        .build(),
                ),
                Kind::Distinct => call.placement_constraints(
                    PlacementConstraint::builder()
                        .r#type(PlacementConstraintType::DistinctInstance)
                        .build(),
                ),
            };
            let out = call.send().await.expect("RunTask");
            drop(permit);
            (kind, out)
        }));
    }
    let mut placed: HashMap<String, Kind> = HashMap::new();
    let mut failures = Vec::new();
    for handle in handles {
        let (kind, out) = handle.await.expect("a RunTask call");
        for task in out.tasks() {
            placed.insert(task.task_arn().expect("a task ARN").to_owned(), kind);
        }
        failures.extend(out.failures().iter().cloned());
    }
    let placing = placing.elapsed();

    // The fleet has room for 6,400 such tasks: every requested task is placed.
    assert!(failures.is_empty(), "failures: {failures:?}");
    assert_eq!(placed.len() + failures.len(), requested);
    assert_eq!(placed.len(), requested);

    let tasks = all_tasks(&cluster).await;
    assert_eq!(tasks.len(), requested, "ListTasks sees every task");
    let mut used: HashMap<String, (i64, i64, usize)> = HashMap::new();
    let mut ports: HashMap<String, usize> = HashMap::new();
    let mut spread_per_zone: BTreeMap<String, usize> = BTreeMap::new();
    for task in tasks.iter().filter(|t| t.last_status() != Some("STOPPED")) {
        let arn = task.task_arn().unwrap_or_default();
        let kind = *placed.get(arn).expect("a task this test placed");
        let instance = task.container_instance_arn().expect("placed").to_owned();
        if kind == Kind::Spread {
            *spread_per_zone
                .entry(zones.get(&instance).expect("a known instance").clone())
                .or_default() += 1;
        }
        if kind == Kind::Distinct {
            *ports.entry(instance.clone()).or_default() += 1;
        }
        let entry = used.entry(instance).or_default();
        entry.0 += task.cpu().and_then(|c| c.parse::<i64>().ok()).expect("cpu");
        entry.1 += task
            .memory()
            .and_then(|m| m.parse::<i64>().ok())
            .expect("memory");
        entry.2 += 1;
    }
    for (instance, count) in &ports {
        assert_eq!(
            *count, 1,
            "host port {HOST_PORT} booked {count} times on {instance}"
        );
    }
    assert_eq!(ports.len(), DISTINCT_CALLS * PER_CALL as usize);

    let instances = describe_instances(&cluster, &arns).await;
    for instance in &instances {
        let arn = instance.container_instance_arn().unwrap_or_default();
        assert!(instance.agent_connected(), "{arn} is connected");
        let (cpu, memory, _) = used.get(arn).copied().unwrap_or_default();
        for (name, used) in [("CPU", cpu), ("MEMORY", memory)] {
            let registered = resource(instance, false, name);
            let remaining = resource(instance, true, name);
            assert!(remaining >= 0, "{arn}: remaining {name} {remaining}");
            assert_eq!(registered - remaining, used, "{arn}: {name} in use");
        }
        // The static host port shows as taken exactly where a ported task runs.
        if let Some(remaining_ports) = instance
            .remaining_resources()
            .iter()
            .find(|r| r.name() == Some("PORTS"))
        {
            let booked = remaining_ports
                .string_set_value()
                .iter()
                .any(|p| p == &HOST_PORT.to_string());
            assert_eq!(booked, ports.contains_key(arn), "{arn}: port {HOST_PORT}");
        }
    }

    let spread_counts: Vec<usize> = spread_per_zone.values().copied().collect();
    assert_eq!(
        spread_counts.len(),
        ZONES.len(),
        "zones: {spread_per_zone:?}"
    );
    let (low, high) = (
        spread_counts.iter().min().copied().unwrap_or_default(),
        spread_counts.iter().max().copied().unwrap_or_default(),
    );
    assert!(high - low <= 1, "spread by zone: {spread_per_zone:?}");

    let elapsed = started.elapsed();
    println!(
        "scale: {AGENTS} agents registered in {:.1}s; {requested} tasks placed in {:.1}s \
         ({:.0} tasks/s); {:.1}s in all; spread per zone {spread_per_zone:?}",
        registered_in.as_secs_f64(),
        placing.as_secs_f64(),
        requested as f64 / placing.as_secs_f64(),
        elapsed.as_secs_f64(),
    );

    cancel.cancel();
    fleet
        .await
        .expect("the fleet's task")
        .expect("the fleet stops cleanly");
}
