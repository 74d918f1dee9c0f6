//! FARGATE tasks on real Docker containers, on a host of the Fargate pool (a Docker agent
//! registered as `berth agent --capacity fargate` is): the task gets its own address,
//! shows no `containerInstanceArn`, answers HTTP on its address from the host, and sees
//! `AWS_EXECUTION_ENV=AWS_ECS_FARGATE`; a container that allocates more than the task's
//! memory is killed by the task's cgroup limit and the task is STOPPED with ECS's
//! `OutOfMemoryError` reason.
//!
//! Each test makes its own subnet over a /16 of 10.0.0.0/8 that no route of the host
//! uses, so concurrent tests never share a slice's bridge.

use std::sync::Arc;
use std::time::Duration;

use aws_sdk_ecs::types::{Compatibility, ContainerDefinition, LaunchType, NetworkMode, Task};
use berth_agent::ContainerRuntime;
use berth_testkit::fixtures::{awsvpc, free_cidr, shell_container};
use berth_testkit::{docker, docker_available, DockerCleanup, Options, TestCluster};

const TIMEOUT: Duration = Duration::from_secs(60);

fn detail(task: &Task, name: &str) -> String {
    task.attachments()
        .iter()
        .find(|a| a.r#type() == Some("ElasticNetworkInterface"))
        .and_then(|a| a.details().iter().find(|d| d.name() == Some(name)))
        .and_then(|d| d.value())
        .unwrap_or_else(|| panic!("no {name} in {task:?}"))
        .to_owned()
}

/// A server with no container instance and one Docker host in the Fargate pool, plus a
/// subnet; the cleanup removes the pool host's containers, networks and cgroups.
async fn pool_cluster() -> (TestCluster, berth_testkit::TestAgent, DockerCleanup, String) {
    let cluster = TestCluster::with(Options {
        task_cleanup_wait: Duration::from_millis(500),
        ..Options::default()
    })
    .await;
    let runtime: Arc<dyn ContainerRuntime> = Arc::new(
        berth_agent::DockerRuntime::connect()
            .await
            .expect("connecting to Docker"),
    );
    let pool = cluster
        .start_fargate_agent(runtime, &cluster.data_dir().join("pool"))
        .await;
    let pool_arn = pool.instance_arn().await;
    let cleanup = DockerCleanup::new(vec![pool_arn]);
    let subnet = cluster
        .server
        .app
        .create_subnet(&free_cidr(), "fargate", 24)
        .await
        .expect("creating a subnet")
        .id;
    (cluster, pool, cleanup, subnet)
}

/// Registers a FARGATE revision (256 CPU units, 512 MiB) of one container with no
/// container-level memory: only the task's limit holds it.
async fn register(cluster: &TestCluster, family: &str, script: &str) {
    let container: ContainerDefinition =
        shell_container("main", 1, script).set_memory(None).build();
    cluster
        .client
        .register_task_definition()
        .family(family)
        .requires_compatibilities(Compatibility::Fargate)
        .network_mode(NetworkMode::Awsvpc)
        .cpu("256")
        .memory("512")
        .container_definitions(container)
        .send()
        .await
        .unwrap_or_else(|e| panic!("registering {family}: {e:?}"));
}

async fn run_fargate(cluster: &TestCluster, family: &str, subnet: &str) -> Task {
    let out = cluster
        .client
        .run_task()
        .task_definition(family)
        .launch_type(LaunchType::Fargate)
        .network_configuration(awsvpc(subnet, &[]))
        .send()
        .await
        .unwrap_or_else(|e| panic!("running {family}: {e:?}"));
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    out.tasks()[0].clone()
}

#[tokio::test]
async fn a_fargate_task_gets_its_address_and_answers_on_it() {
    if !docker_available() {
        return;
    }
    let (cluster, pool, cleanup, subnet) = pool_cluster().await;
    let pool_arn = pool.instance_arn().await;
    register(
        &cluster,
        "fargate-web",
        "mkdir -p /w && echo \"hello-from-fargate $AWS_EXECUTION_ENV\" > /w/index.html && exec httpd -f -p 8080 -h /w",
    )
    .await;
    let task = run_fargate(&cluster, "fargate-web", &subnet).await;
    let arn = task.task_arn().expect("arn").to_owned();
    cleanup.track(&arn);
    let address = detail(&task, "privateIPv4Address");
    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    assert_eq!(task.launch_type(), Some(&LaunchType::Fargate));
    assert_eq!(task.container_instance_arn(), None);
    assert_eq!(task.platform_version(), Some("1.4.0"));
    assert_eq!(task.attachments()[0].status(), Some("ATTACHED"));
    assert_eq!(detail(&task, "privateIPv4Address"), address);
    // The container has that address, and the task's memory is its cgroup's hard limit.
    let container = task.containers()[0]
        .runtime_id()
        .expect("runtime id")
        .to_owned();
    let addresses = docker(&["exec", &container, "ip", "addr"]);
    assert!(
        addresses.contains(&format!("inet {address}/")),
        "{addresses}"
    );
    let parent = docker(&["inspect", "-f", "{{.HostConfig.CgroupParent}}", &container]);
    let task_id = arn.rsplit('/').next().unwrap();
    assert!(parent.trim().ends_with(task_id), "cgroup parent {parent}");

    // From the host, as `curl http://ADDRESS:8080/` would.
    let url = format!("http://{address}:8080/");
    let body = berth_testkit::wait_for("the task to answer on its address", TIMEOUT, || {
        let url = url.clone();
        async move {
            let response = reqwest::Client::new()
                .get(&url)
                .timeout(Duration::from_secs(3))
                .send()
                .await
                .ok()?;
            response.text().await.ok()
        }
    })
    .await;
    assert_eq!(body.trim(), "hello-from-fargate AWS_ECS_FARGATE");

    // The pool host is nobody's container instance.
    let listed = cluster
        .client
        .list_container_instances()
        .send()
        .await
        .expect("ListContainerInstances");
    assert!(listed.container_instance_arns().is_empty());

    cluster
        .client
        .stop_task()
        .task(&arn)
        .send()
        .await
        .expect("StopTask");
    cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    drop(pool);
    drop(cleanup);
    berth_testkit::remove_instance_networks(std::slice::from_ref(&pool_arn));
}

#[tokio::test]
async fn a_fargate_task_over_its_memory_is_stopped_out_of_memory() {
    if !docker_available() {
        return;
    }
    let (cluster, pool, cleanup, subnet) = pool_cluster().await;
    let pool_arn = pool.instance_arn().await;
    // `tail` keeps the last "line" of /dev/zero, which has no newline: all 640 MiB, over
    // the task's 512. Killed, it ends the shell with 137.
    register(&cluster, "fargate-hog", "head -c 640m /dev/zero | tail").await;
    let task = run_fargate(&cluster, "fargate-hog", &subnet).await;
    let arn = task.task_arn().expect("arn").to_owned();
    cleanup.track(&arn);
    let task = cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    let container = &task.containers()[0];
    assert_eq!(
        container.reason(),
        Some("OutOfMemoryError: Container killed due to memory usage"),
        "{task:?}"
    );
    assert_eq!(container.exit_code(), Some(137));
    assert_eq!(
        task.stop_code().map(|c| c.as_str()),
        Some("EssentialContainerExited")
    );
    assert_eq!(
        task.stopped_reason(),
        Some("Essential container in task exited")
    );
    drop(pool);
    drop(cleanup);
    berth_testkit::remove_instance_networks(std::slice::from_ref(&pool_arn));
}
