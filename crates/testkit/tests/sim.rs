//! `berth sim`'s fleet against a real server: 50 simulated agents (fake runtime, real agent
//! protocol over HTTP) started through `berth_agent::sim::run_sim`, the code the command
//! runs. Every instance registers and is connected with its own hostname and zone; tasks
//! placed with RunTask fill the fleet exactly to capacity, and each instance's remaining
//! resources stay non-negative and equal its registered resources minus its tasks'.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use aws_sdk_ecs::types::{
    ContainerDefinition, ContainerInstance, PlacementStrategy, PlacementStrategyType, Task,
};
use berth_agent::sim::{run_sim, SimConfig, ZONE_ATTRIBUTE};
use berth_testkit::fixtures::register;
use berth_testkit::{test_image, wait_for, TestCluster};
use tokio_util::sync::CancellationToken;

const AGENTS: usize = 50;
const HOST_CPU: i32 = 1024;
const HOST_MEMORY: i64 = 2048;
/// Each task takes a quarter of a host.
const TASK_CPU: i32 = 256;
const TASK_MEMORY: i32 = 512;
const ZONES: [&str; 3] = ["sim-a", "sim-b", "sim-c"];
const LONG: Duration = Duration::from_secs(120);

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

async fn describe_tasks(cluster: &TestCluster, arns: &[String]) -> Vec<Task> {
    let mut all = Vec::new();
    for chunk in arns.chunks(100) {
        let out = cluster
            .client
            .describe_tasks()
            .set_tasks(Some(chunk.to_vec()))
            .send()
            .await
            .expect("DescribeTasks");
        assert!(out.failures().is_empty(), "failures: {:?}", out.failures());
        all.extend(out.tasks().iter().cloned());
    }
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_simulated_agents_register_and_take_tasks_within_their_resources() {
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
    config.attributes = vec![("stack".into(), Some("sim".into()))];
    config.fake.info.cpu_units = HOST_CPU;
    config.fake.info.memory_mib = HOST_MEMORY;

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

    // The server sees 50 connected instances, each with its zone and attributes.
    let listed = cluster.wait_for_instances(AGENTS).await;
    assert_eq!(
        listed.iter().collect::<HashSet<_>>(),
        arns.iter().collect::<HashSet<_>>()
    );
    let instances = describe_instances(&cluster, &arns).await;
    let mut per_zone: BTreeMap<String, usize> = BTreeMap::new();
    for instance in &instances {
        assert!(instance.agent_connected());
        assert_eq!(instance.status(), Some("ACTIVE"));
        assert_eq!(resource(instance, false, "CPU"), i64::from(HOST_CPU));
        assert_eq!(resource(instance, false, "MEMORY"), HOST_MEMORY);
        let attribute = |name: &str| {
            instance
                .attributes()
                .iter()
                .find(|a| a.name() == name)
                .and_then(|a| a.value().map(str::to_owned))
        };
        assert_eq!(attribute("stack").as_deref(), Some("sim"));
        let zone = attribute(ZONE_ATTRIBUTE).expect("a zone attribute");
        *per_zone.entry(zone).or_default() += 1;
    }
    assert_eq!(
        per_zone.values().copied().collect::<Vec<_>>(),
        [17, 17, 16],
        "zones: {per_zone:?}"
    );

    // Fill the fleet: 4 tasks fit on each host, so 200 fit; ask for 210.
    let container = ContainerDefinition::builder()
        .name("app")
        .image(test_image())
        .cpu(TASK_CPU)
        .memory(TASK_MEMORY)
        .command("sleep")
        .command("3600")
        .build();
    let td = register(&cluster.client, "sim-quarter", vec![container]).await;
    let mut task_arns = Vec::new();
    let mut failures = Vec::new();
    for _ in 0..21 {
        let out = cluster
            .client
            .run_task()
            .task_definition(&td)
            .count(10)
            .placement_strategy(
                PlacementStrategy::builder()
                    .r#type(PlacementStrategyType::Spread)
                    .field(format!("attribute:{ZONE_ATTRIBUTE}"))
                    .build(),
            )
            .send()
            .await
            .expect("RunTask");
        task_arns.extend(
            out.tasks()
                .iter()
                .filter_map(|t| t.task_arn().map(str::to_owned)),
        );
        failures.extend(out.failures().iter().cloned());
    }
    let capacity = AGENTS * (HOST_CPU / TASK_CPU) as usize;
    assert_eq!(task_arns.len(), capacity, "placed exactly to capacity");
    // ECS reports why each instance could not take the rest, per instance.
    assert!(!failures.is_empty(), "asking past capacity fails");
    for failure in &failures {
        let reason = failure.reason().unwrap_or_default();
        assert!(
            reason == "RESOURCE:CPU" || reason == "RESOURCE:MEMORY",
            "failure reason {reason}"
        );
    }

    let tasks = wait_for("every task to be RUNNING", LONG, || async {
        let tasks = describe_tasks(&cluster, &task_arns).await;
        tasks
            .iter()
            .all(|t| t.last_status() == Some("RUNNING"))
            .then_some(tasks)
    })
    .await;

    // Per instance: remaining >= 0, and registered - remaining = its tasks' sums.
    let mut used: HashMap<String, (i64, i64, i32)> = HashMap::new();
    for task in &tasks {
        let instance = task.container_instance_arn().expect("placed").to_owned();
        let entry = used.entry(instance).or_default();
        entry.0 += task.cpu().and_then(|c| c.parse::<i64>().ok()).expect("cpu");
        entry.1 += task
            .memory()
            .and_then(|m| m.parse::<i64>().ok())
            .expect("memory");
        entry.2 += 1;
    }
    let instances = describe_instances(&cluster, &arns).await;
    let mut tasks_per_zone: BTreeMap<String, usize> = BTreeMap::new();
    for instance in &instances {
        let arn = instance.container_instance_arn().unwrap_or_default();
        let (cpu, memory, count) = used.get(arn).copied().unwrap_or_default();
        for (name, used) in [("CPU", cpu), ("MEMORY", memory)] {
            let registered = resource(instance, false, name);
            let remaining = resource(instance, true, name);
            assert!(remaining >= 0, "{arn}: remaining {name} {remaining}");
            assert_eq!(registered - remaining, used, "{arn}: {name} in use");
        }
        assert_eq!(instance.running_tasks_count(), count, "{arn}");
        let zone = instance
            .attributes()
            .iter()
            .find(|a| a.name() == ZONE_ATTRIBUTE)
            .and_then(|a| a.value())
            .unwrap_or_default()
            .to_owned();
        *tasks_per_zone.entry(zone).or_default() += count as usize;
    }
    let total: usize = tasks_per_zone.values().sum();
    assert_eq!(total, capacity);
    println!("sim: {AGENTS} agents, {total} tasks, per zone {tasks_per_zone:?}");

    cancel.cancel();
    fleet
        .await
        .expect("the fleet's task")
        .expect("the fleet stops cleanly");
}

#[tokio::test]
async fn a_fleet_with_a_one_time_token_fails_instead_of_hanging() {
    let cluster = TestCluster::start().await;
    let token = cluster
        .server
        .app
        .create_join_token("default", false)
        .await
        .expect("a join token");
    let config = SimConfig::new(
        cluster.endpoint(),
        token,
        "default",
        3,
        cluster.data_dir().join("sim"),
    );
    let result = tokio::time::timeout(
        LONG,
        run_sim(config, CancellationToken::new(), |_| {
            panic!("a one-time token cannot register three agents")
        }),
    )
    .await
    .expect("the fleet gives up in time");
    let err = result.expect_err("registration is refused for all but one agent");
    assert!(
        format!("{err:#}").contains("registration refused"),
        "error: {err:#}"
    );
}
