//! awsvpc through the ECS API with agents over the fake runtime (the address logic is
//! the control plane's; `docker_awsvpc.rs` proves the containers get them): bad network
//! configurations are refused with ECS's errors and change nothing, addresses are never
//! given twice across hosts and concurrent calls, a full slice fails placement with
//! `RESOURCE:ENI`, and a stopped task's address is given again only once it is freed.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Duration;

use aws_sdk_ecs::types::{AwsVpcConfiguration, NetworkConfiguration, NetworkMode, Task};
use berth_testkit::fixtures::shell_container;
use berth_testkit::{wait_for, AgentKind, Options, TestCluster};

const TIMEOUT: Duration = Duration::from_secs(30);

fn awsvpc(subnets: &[&str], groups: &[&str]) -> NetworkConfiguration {
    NetworkConfiguration::builder()
        .awsvpc_configuration(
            AwsVpcConfiguration::builder()
                .set_subnets(Some(subnets.iter().map(|s| s.to_string()).collect()))
                .set_security_groups(Some(groups.iter().map(|g| g.to_string()).collect()))
                .build()
                .expect("awsvpc configuration"),
        )
        .build()
}

fn address(task: &Task) -> String {
    task.attachments()[0]
        .details()
        .iter()
        .find(|d| d.name() == Some("privateIPv4Address"))
        .and_then(|d| d.value())
        .expect("an address")
        .to_owned()
}

async fn register(cluster: &TestCluster, family: &str, mode: NetworkMode) {
    cluster
        .client
        .register_task_definition()
        .family(family)
        .network_mode(mode)
        .container_definitions(shell_container("main", 16, "sleep 3600").build())
        .send()
        .await
        .expect("RegisterTaskDefinition");
}

#[tokio::test]
async fn bad_network_configurations_are_refused_and_change_nothing() {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Fake,
        ..Options::default()
    })
    .await;
    let app = &cluster.server.app;
    let subnet = app
        .create_subnet("10.77.0.0/16", "s", 24)
        .await
        .expect("subnet")
        .id;
    register(&cluster, "vpc", NetworkMode::Awsvpc).await;
    register(&cluster, "bridged", NetworkMode::Bridge).await;
    let many_subnets: Vec<String> = (0..17).map(|i| format!("subnet-{i:08x}")).collect();
    let many_subnets: Vec<&str> = many_subnets.iter().map(String::as_str).collect();
    let many_groups: Vec<String> = (0..6).map(|i| format!("sg-{i:08x}")).collect();
    let many_groups: Vec<&str> = many_groups.iter().map(String::as_str).collect();
    let cases: Vec<(&str, &str, Option<NetworkConfiguration>, &str)> = vec![
        (
            "vpc",
            "missing",
            None,
            "Network Configuration must be provided",
        ),
        (
            "bridged",
            "for bridge",
            Some(awsvpc(&[&subnet], &[])),
            "not valid for the given networkMode",
        ),
        (
            "vpc",
            "unknown subnet",
            Some(awsvpc(&["subnet-0123456789abcdef0"], &[])),
            "InvalidSubnetID.NotFound",
        ),
        (
            "vpc",
            "malformed subnet",
            Some(awsvpc(&["subnet-xyz"], &[])),
            "InvalidSubnetID.Malformed",
        ),
        (
            "vpc",
            "unknown group",
            Some(awsvpc(&[&subnet], &["sg-0123456789abcdef0"])),
            "InvalidGroup.NotFound",
        ),
        (
            "vpc",
            "malformed group",
            Some(awsvpc(&[&subnet], &["group"])),
            "InvalidGroupId.Malformed",
        ),
        (
            "vpc",
            "no subnets",
            Some(awsvpc(&[], &[])),
            "subnets can not be empty",
        ),
        (
            "vpc",
            "17 subnets",
            Some(awsvpc(&many_subnets, &[])),
            "At most 16 subnets",
        ),
        (
            "vpc",
            "6 groups",
            Some(awsvpc(&[&subnet], &many_groups)),
            "At most 5 security groups",
        ),
    ];
    for (family, what, config, expected) in cases {
        let err = cluster
            .client
            .run_task()
            .task_definition(family)
            .set_network_configuration(config)
            .send()
            .await
            .expect_err(what);
        let service_error = err.as_service_error().expect("a service error");
        assert!(
            service_error.is_invalid_parameter_exception(),
            "{what}: {service_error:?}"
        );
        let message = service_error.meta().message().unwrap_or_default();
        assert!(message.contains(expected), "{what}: {message}");
        if let Some(id) = message.split('[').nth(1).and_then(|m| m.split(']').next()) {
            assert!(message.contains(id), "{what}: the message names the ID");
        }
    }
    let tasks = cluster.client.list_tasks().send().await.expect("ListTasks");
    assert!(tasks.task_arns().is_empty(), "a refused call placed a task");
    assert!(app.subnets().len() == 1);
}

#[tokio::test]
async fn addresses_are_unique_across_hosts_and_freed_only_when_stopped() {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Fake,
        ..Options::default()
    })
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let _second = cluster
        .start_agent(Arc::new(berth_agent::FakeRuntime::default()), dir.path())
        .await;
    cluster.wait_for_instances(2).await;
    let app = &cluster.server.app;
    // A /27 cut in /28s: two hosts, 13 task addresses each.
    let subnet = app
        .create_subnet("10.78.0.0/27", "small", 28)
        .await
        .expect("subnet")
        .id;
    register(&cluster, "vpc", NetworkMode::Awsvpc).await;
    let run = |count: i32| {
        let client = cluster.client.clone();
        let subnet = subnet.clone();
        async move {
            client
                .run_task()
                .task_definition("vpc")
                .count(count)
                .network_configuration(awsvpc(&[&subnet], &[]))
                .send()
                .await
                .expect("RunTask")
        }
    };
    // Concurrent calls, then each host filled to its slice's end.
    let (a, b, c) = tokio::join!(run(10), run(10), run(10));
    let answers = [a, b, c];
    let mut tasks: Vec<Task> = answers.iter().flat_map(|a| a.tasks().to_vec()).collect();
    let failures: Vec<_> = answers.iter().flat_map(|a| a.failures().to_vec()).collect();
    assert_eq!(tasks.len() + failures.len(), 30, "{answers:?}");
    for instance in cluster.wait_for_instances(2).await {
        loop {
            let out = cluster
                .client
                .start_task()
                .task_definition("vpc")
                .container_instances(&instance)
                .network_configuration(awsvpc(&[&subnet], &[]))
                .send()
                .await
                .expect("StartTask");
            if out.tasks().is_empty() {
                assert_eq!(out.failures()[0].reason(), Some("RESOURCE:ENI"));
                break;
            }
            tasks.extend(out.tasks().to_vec());
        }
    }
    assert_eq!(tasks.len(), 26, "both /28 slices full");
    assert!(
        failures.iter().all(|f| f.reason() == Some("RESOURCE:ENI")),
        "{failures:?}"
    );
    let mut seen = BTreeSet::new();
    let mut slices: HashMap<String, BTreeSet<String>> = HashMap::new();
    for task in &tasks {
        let address = address(task);
        assert!(seen.insert(address.clone()), "{address} given twice");
        let last: u8 = address
            .rsplit('.')
            .next()
            .and_then(|o| o.parse().ok())
            .expect("octet");
        slices
            .entry(task.container_instance_arn().expect("instance").to_owned())
            .or_default()
            .insert(if last < 16 { "low" } else { "high" }.to_owned());
    }
    // Each host's addresses are all in its own slice, and the two slices differ.
    assert_eq!(slices.len(), 2);
    assert!(slices.values().all(|s| s.len() == 1), "{slices:?}");
    assert_ne!(slices.values().next(), slices.values().nth(1));

    // A stopped task's address is given again once freed, not before.
    let victim = tasks[0].clone();
    let victim_address = address(&victim);
    let victim_instance = victim
        .container_instance_arn()
        .expect("instance")
        .to_owned();
    cluster
        .client
        .stop_task()
        .task(victim.task_arn().expect("arn"))
        .send()
        .await
        .expect("StopTask");
    let freed = wait_for(
        "the stopped task's address to be given again",
        TIMEOUT,
        || {
            let client = cluster.client.clone();
            let subnet = subnet.clone();
            let instance = victim_instance.clone();
            async move {
                let out = client
                    .start_task()
                    .task_definition("vpc")
                    .container_instances(instance)
                    .network_configuration(awsvpc(&[&subnet], &[]))
                    .send()
                    .await
                    .expect("StartTask");
                out.tasks().first().cloned()
            }
        },
    )
    .await;
    assert_eq!(address(&freed), victim_address);
    let stopped = cluster
        .client
        .describe_tasks()
        .tasks(victim.task_arn().expect("arn"))
        .send()
        .await
        .expect("DescribeTasks");
    // It was given only after the victim was STOPPED.
    assert_eq!(stopped.tasks()[0].last_status(), Some("STOPPED"));
    assert!(
        stopped.tasks()[0].stopped_at().expect("stoppedAt").secs()
            <= freed.created_at().expect("createdAt").secs()
    );
}
