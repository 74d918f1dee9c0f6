//! A small cluster of separate processes, as a user runs it: `berth server` over TLS,
//! `berth join-token create`, and several `berth agent`s (fake runtime, and Docker when
//! available), all driven through the `berth` binary and checked with `aws-sdk-ecs`
//! trusting only the server's CA.
//!
//! Covered: the CA and `DIR/env` (`AWS_CA_BUNDLE`); agents joining with a token that
//! pins the CA; a task RUNNING on the Docker agent; a `kill -9` of the server and its
//! restart, after which agents reconnect and tasks stay RUNNING; an agent restarted
//! without a token; a one-time token refused the second time; a token whose CA hash does
//! not match refused by the agent.
//!
//! The tests need `target/debug/berth` (`cargo build -p berth`; `scripts/test.sh` builds
//! it before the tests). Every process is killed, and every container removed, on drop.

mod multihost_support;

use std::path::Path;
use std::time::{Duration, Instant};

use aws_sdk_ecs::types::ContainerInstance;
use berth_testkit::fixtures::{register, shell_container};
use berth_testkit::{docker_available, docker_inspect, DockerCleanup};
use multihost_support::{
    connected_instances, container_id, last_status, start_on, wait_running, ServerProc,
    AGENT_TTL_SECS,
};

fn zone_of(instance: &ContainerInstance) -> Option<&str> {
    instance
        .attributes()
        .iter()
        .find(|a| a.name() == "zone")
        .and_then(|a| a.value())
}

fn instance_in<'a>(instances: &'a [ContainerInstance], zone: &str) -> &'a str {
    instances
        .iter()
        .find(|i| zone_of(i) == Some(zone))
        .and_then(|i| i.container_instance_arn())
        .unwrap_or_else(|| panic!("no instance in zone {zone}: {instances:?}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn agents_join_over_tls_and_survive_a_server_crash() {
    berth_testkit::init_logging();
    let docker = docker_available();
    let root = tempfile::tempdir().expect("a temporary directory");
    let mut server = ServerProc::start(root.path()).await;

    // Key files are the owner's only; the env file points the SDKs at the CA.
    let env = server.env();
    assert_eq!(env["AWS_ENDPOINT_URL_ECS"], server.endpoint());
    assert_eq!(
        env["AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"],
        server.endpoint()
    );
    assert_eq!(
        Path::new(&env["AWS_CA_BUNDLE"]),
        server.data_dir.join("ca.pem").as_path()
    );
    for key in ["ca-key.pem", "server-key.pem"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(server.data_dir.join(key))
            .expect("a key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{key}");
    }
    let ca_before = server.ca_pem();

    let client = server.client();
    let token = server.join_token(true);
    let mut agents = vec![
        server.agent("agent-a", "fake", "a", Some(&token)),
        server.agent("agent-b", "fake", "b", Some(&token)),
    ];
    if docker {
        agents.push(server.agent("agent-docker", "docker", "docker", Some(&token)));
    }
    let instances = connected_instances(&client, agents.len()).await;
    assert_eq!(instances.len(), agents.len(), "{instances:?}");
    let mut zones: Vec<_> = instances.iter().filter_map(zone_of).collect();
    zones.sort();
    assert!(zones.starts_with(&["a", "b"]), "{zones:?}");
    for name in ["agent-a", "agent-b"] {
        let stored = std::fs::read_to_string(root.path().join(name).join("ca.pem"))
            .expect("the agent stores the CA");
        assert_eq!(stored, ca_before);
    }

    let cleanup = DockerCleanup::new(if docker {
        vec![instance_in(&instances, "docker").to_owned()]
    } else {
        Vec::new()
    });
    // Rebound after the guard, so that agents are killed before it removes containers.
    let mut agents = agents;
    let family = register(
        &client,
        "multiprocess",
        vec![shell_container("main", 32, "sleep 3600").build()],
    )
    .await;
    let fake_task = start_on(&client, &family, instance_in(&instances, "a")).await;
    wait_running(&client, &fake_task).await;
    let docker_task = if docker {
        let arn =
            cleanup.track(&start_on(&client, &family, instance_in(&instances, "docker")).await);
        wait_running(&client, &arn).await;
        let task = client
            .describe_tasks()
            .tasks(&arn)
            .send()
            .await
            .expect("DescribeTasks");
        let id = container_id(&task.tasks()[0]);
        let state = docker_inspect(&id).expect("the task's container exists");
        assert_eq!(state["State"]["Running"], true, "{state}");
        Some((arn, id))
    } else {
        None
    };

    server.crash_and_restart().await;
    assert_eq!(server.ca_pem(), ca_before, "a restart keeps the CA");
    let client = server.client();

    // The agents come back through TLS with their stored credentials: new work reaches
    // each of them.
    let instances = connected_instances(&client, agents.len()).await;
    let after_b = start_on(&client, &family, instance_in(&instances, "b")).await;
    wait_running(&client, &after_b).await;
    if docker {
        let arn =
            cleanup.track(&start_on(&client, &family, instance_in(&instances, "docker")).await);
        wait_running(&client, &arn).await;
    }
    // For two agent TTLs, every instance stays connected and the old tasks RUNNING.
    let until = Instant::now() + Duration::from_secs(2 * AGENT_TTL_SECS);
    while Instant::now() < until {
        let out = client
            .describe_container_instances()
            .set_container_instances(Some(
                instances
                    .iter()
                    .filter_map(|i| i.container_instance_arn().map(str::to_owned))
                    .collect(),
            ))
            .send()
            .await
            .expect("DescribeContainerInstances");
        for instance in out.container_instances() {
            assert!(instance.agent_connected(), "disconnected: {instance:?}");
        }
        assert_eq!(last_status(&client, &fake_task).await, "RUNNING");
        if let Some((arn, _)) = &docker_task {
            assert_eq!(last_status(&client, arn).await, "RUNNING");
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    if let Some((_, id)) = &docker_task {
        let state = docker_inspect(id).expect("the container survived the server crash");
        assert_eq!(state["State"]["Running"], true, "{state}");
        assert_eq!(state["RestartCount"], 0, "{state}");
    }
    for agent in &mut agents {
        agent.assert_running();
    }
    drop(agents);
    drop(cleanup);
}

#[tokio::test(flavor = "multi_thread")]
async fn join_tokens_are_one_time_and_pin_the_ca() {
    berth_testkit::init_logging();
    let root = tempfile::tempdir().expect("a temporary directory");
    let server = ServerProc::start(root.path()).await;
    let client = server.client();

    let token = server.join_token(false);
    let mut first = server.agent("agent-first", "fake", "a", Some(&token));
    connected_instances(&client, 1).await;

    // The same one-time token again: the server refuses it, and the agent exits.
    let mut second = server.agent("agent-second", "fake", "b", Some(&token));
    let status = second.exited().await;
    assert!(!status.success(), "a reused one-time token must be refused");
    assert!(
        second.log().contains("not valid or was already used"),
        "{}",
        second.log()
    );

    // A valid secret with another CA's hash: the agent refuses the server.
    let fresh = server.join_token(false);
    let secret = fresh.split_once("::").expect("K10<hash>::<secret>").1;
    let forged = format!("K10{}::{secret}", "0".repeat(64));
    let mut pinned = server.agent("agent-pinned", "fake", "c", Some(&forged));
    let status = pinned.exited().await;
    assert!(!status.success(), "a token for another CA must be refused");
    assert!(
        pinned.log().contains("refusing to trust this server"),
        "{}",
        pinned.log()
    );
    assert!(!root.path().join("agent-pinned").join("ca.pem").exists());
    let arns = client
        .list_container_instances()
        .send()
        .await
        .expect("ListContainerInstances");
    assert_eq!(arns.container_instance_arns().len(), 1, "{arns:?}");

    // Restarted without a token, the first agent uses its stored credential and CA.
    first.kill();
    let mut first = server.agent("agent-first", "fake", "a", None);
    let instance = arns.container_instance_arns()[0].clone();
    let family = register(
        &client,
        "multiprocess-tokens",
        vec![shell_container("main", 32, "sleep 3600").build()],
    )
    .await;
    let task = start_on(&client, &family, &instance).await;
    wait_running(&client, &task).await;
    first.assert_running();
}
