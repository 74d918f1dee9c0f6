//! Isolation tiers (`docs/isolation.md`) end to end: a cluster tagged
//! `berth:isolation=TIER` runs its tasks under that tier, on real Docker containers,
//! driven through `aws-sdk-ecs` and checked from inside the containers.
//!
//! - gVisor: the task's container runs under `runsc` (gVisor's own `dmesg`), and
//!   DescribeTasks names the tier; an awsvpc task's pause container and both its
//!   containers run under `runsc`, share the address and serve HTTP on it.
//! - hardened: the container's own process has `NoNewPrivs: 1`, lacks the dropped
//!   capabilities and cannot `mknod` or `mount`, where a standard task of the same
//!   definition can `mknod`; what the tier forbids is refused at RunTask.
//! - placement: a gvisor-requiring task is not placed on a host without runsc
//!   (`ATTRIBUTE`), and a typo in the tag is refused.
//!
//! The gVisor test needs runsc registered with dockerd (`scripts/runsc-runtime.sh`); it
//! skips with a message when it is not, unless `BERTH_REQUIRE_RUNSC=1`.

use std::time::Duration;

use aws_sdk_ecs::types::{KernelCapabilities, LinuxParameters, NetworkMode, Tag, TaskField};
use berth_api::protocol::IngressRule;
use berth_testkit::fixtures::{
    awsvpc, describe_instance, free_cidr, register, runtime_id, shell_container,
};
use berth_testkit::{
    docker, docker_available, docker_inspect, wait_for, AgentKind, DockerCleanup, Options,
    TestCluster,
};

const TIMEOUT: Duration = Duration::from_secs(60);
const GVISOR_ATTRIBUTE: &str = "ecs.capability.berth.isolation.gvisor";
const HARDENED_ATTRIBUTE: &str = "ecs.capability.berth.isolation.hardened";

/// Capability numbers (capabilities(7)) of those the hardened tiers drop.
const CAP_NET_RAW: u32 = 13;
const CAP_MKNOD: u32 = 27;
const CAP_AUDIT_WRITE: u32 = 29;

async fn cluster_with(agent: AgentKind) -> (TestCluster, Vec<String>) {
    let cluster = TestCluster::with(Options {
        agent,
        ..Options::default()
    })
    .await;
    let instances = cluster.wait_for_instances(1).await;
    (cluster, instances)
}

/// A cluster with a Docker agent whose instance registered the tier attribute
/// `attribute`, and the guard that removes its containers.
async fn docker_cluster_offering(attribute: &str) -> (TestCluster, DockerCleanup) {
    let (cluster, instances) = cluster_with(AgentKind::Docker).await;
    let attributes = attribute_names(&cluster, &instances[0]).await;
    assert!(
        attributes.iter().any(|a| a == attribute),
        "the agent did not register {attribute}: {attributes:?}"
    );
    (cluster, DockerCleanup::new(instances))
}

/// Tags the default cluster `berth:isolation=TIER`.
async fn require_tier(cluster: &TestCluster, tier: &str) {
    let arn = default_cluster_arn(cluster).await;
    cluster
        .client
        .tag_resource()
        .resource_arn(arn)
        .tags(Tag::builder().key("berth:isolation").value(tier).build())
        .send()
        .await
        .expect("TagResource");
}

async fn default_cluster_arn(cluster: &TestCluster) -> String {
    let out = cluster
        .client
        .describe_clusters()
        .clusters("default")
        .send()
        .await
        .expect("DescribeClusters");
    out.clusters()[0]
        .cluster_arn()
        .expect("a cluster ARN")
        .to_owned()
}

/// The instance's attribute names.
async fn attribute_names(cluster: &TestCluster, instance_arn: &str) -> Vec<String> {
    describe_instance(&cluster.client, instance_arn)
        .await
        .attributes()
        .iter()
        .map(|a| a.name().to_owned())
        .collect()
}

/// Runs one task of `family` and returns its ARN once RUNNING, with its tags.
async fn run_running(cluster: &TestCluster, family: &str) -> aws_sdk_ecs::types::Task {
    let out = cluster
        .client
        .run_task()
        .task_definition(family)
        .send()
        .await
        .expect("RunTask");
    assert!(out.failures().is_empty(), "failures: {:?}", out.failures());
    let arn = out.tasks()[0].task_arn().expect("a task ARN").to_owned();
    cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let described = cluster
        .client
        .describe_tasks()
        .tasks(&arn)
        .include(TaskField::Tags)
        .send()
        .await
        .expect("DescribeTasks");
    described.tasks()[0].clone()
}

fn tier_tag(task: &aws_sdk_ecs::types::Task) -> Option<String> {
    task.tags()
        .iter()
        .find(|t| t.key() == Some("berth:isolation"))
        .and_then(|t| t.value())
        .map(str::to_owned)
}

/// Waits until the container's log has `marker`, and returns the log.
async fn wait_for_log(id: &str, marker: &str) -> String {
    wait_for(
        &format!("{marker} in the log of {id}"),
        TIMEOUT,
        || async move {
            let log = docker(&["logs", id]);
            log.contains(marker).then_some(log)
        },
    )
    .await
}

/// The container's effective capability set, from the `CapEff:` line of
/// `/proc/self/status` in `log`.
fn cap_eff(log: &str) -> u64 {
    let hex = log
        .lines()
        .find_map(|l| l.strip_prefix("CapEff:"))
        .unwrap_or_else(|| panic!("no CapEff in {log}"))
        .trim();
    u64::from_str_radix(hex, 16).expect("hex CapEff")
}

/// Whether dockerd has the runsc runtime; without it, fails under `BERTH_REQUIRE_RUNSC=1`
/// and otherwise says why the test skips.
fn runsc_registered() -> bool {
    let runtimes = docker(&["info", "--format", "{{json .Runtimes}}"]);
    if runtimes.contains("\"runsc\"") {
        return true;
    }
    let why = "dockerd has no runsc runtime: install runsc and run scripts/runsc-runtime.sh";
    assert!(
        std::env::var("BERTH_REQUIRE_RUNSC").as_deref() != Ok("1"),
        "{why}"
    );
    eprintln!("skipping the gVisor test: {why}");
    false
}

#[tokio::test]
async fn a_gvisor_cluster_runs_its_tasks_under_gvisor() {
    if !docker_available() {
        return;
    }
    if !runsc_registered() {
        return;
    }
    let (cluster, cleanup) = docker_cluster_offering(GVISOR_ATTRIBUTE).await;
    require_tier(&cluster, "gvisor").await;
    register(
        &cluster.client,
        "sandboxed",
        vec![shell_container("app", 64, "dmesg; echo DMESG-DONE; sleep 600").build()],
    )
    .await;
    let task = run_running(&cluster, "sandboxed").await;
    cleanup.track(task.task_arn().expect("arn"));
    assert_eq!(tier_tag(&task).as_deref(), Some("gvisor"), "{task:?}");
    let id = runtime_id(&task, "app");
    let inspected = docker_inspect(&id).expect("the container exists");
    assert_eq!(inspected["HostConfig"]["Runtime"], "runsc", "{inspected}");
    // gVisor's kernel prints its own boot lines; the host kernel's dmesg has none.
    let log = wait_for_log(&id, "DMESG-DONE").await;
    assert!(
        log.contains("Starting gVisor"),
        "dmesg in the container: {log}"
    );
}

#[tokio::test]
async fn a_gvisor_awsvpc_task_runs_its_pause_container_and_containers_under_runsc() {
    if !docker_available() || !runsc_registered() {
        return;
    }
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Docker,
        task_cleanup_wait: Duration::from_millis(500),
        ..Options::default()
    })
    .await;
    let instances = cluster.wait_for_instances(1).await;
    let cleanup = DockerCleanup::new(instances.clone());
    let app = &cluster.server.app;
    let subnet = app
        .create_subnet(&free_cidr(), "gvisor", 24)
        .await
        .expect("creating a subnet");
    let group = app
        .create_security_group(
            "web",
            "http",
            vec![IngressRule {
                protocol: "tcp".into(),
                from_port: 80,
                to_port: 80,
                cidr: "0.0.0.0/0".into(),
            }],
        )
        .await
        .expect("creating a security group");
    require_tier(&cluster, "gvisor").await;
    cluster
        .client
        .register_task_definition()
        .family("sandboxed-web")
        .network_mode(NetworkMode::Awsvpc)
        .container_definitions(
            shell_container(
                "web",
                64,
                "mkdir -p /w && echo hello-from-gvisor > /w/index.html && exec httpd -f -p 80 -h /w",
            )
            .build(),
        )
        .container_definitions(shell_container("sidecar", 32, "exec sleep 600").build())
        .send()
        .await
        .expect("registering sandboxed-web");
    let out = cluster
        .client
        .run_task()
        .task_definition("sandboxed-web")
        .network_configuration(awsvpc(&subnet.id, &[&group.id]))
        .send()
        .await
        .expect("RunTask");
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    let arn = out.tasks()[0].task_arn().expect("arn").to_owned();
    cleanup.track(&arn);
    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let address = task.containers()[0]
        .network_interfaces()
        .first()
        .and_then(|i| i.private_ipv4_address())
        .expect("the task's address")
        .to_owned();
    // Every container of the task, the pause container included, is a gVisor sandbox.
    let ids = docker(&[
        "ps",
        "-q",
        "--no-trunc",
        "--filter",
        &format!("label=com.berth.task-arn={arn}"),
    ]);
    let ids: Vec<&str> = ids.split_whitespace().collect();
    assert_eq!(
        ids.len(),
        3,
        "a pause container and two containers: {ids:?}"
    );
    for id in ids {
        let inspected = docker_inspect(id).expect("the container exists");
        assert_eq!(inspected["HostConfig"]["Runtime"], "runsc", "{inspected}");
    }
    // The sandboxes share the pause container's namespace: the web container answers on
    // the task's address.
    let body = wait_for(&format!("HTTP on {address}:80"), TIMEOUT, || {
        let address = address.clone();
        async move { http_get(&address).filter(|b| b.contains("hello-from-gvisor")) }
    })
    .await;
    assert!(body.starts_with("HTTP/1."), "{body}");
    cluster
        .client
        .stop_task()
        .task(&arn)
        .send()
        .await
        .expect("StopTask");
    cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    drop(cleanup);
    berth_testkit::remove_instance_networks(&instances[..1]);
}

/// `GET /` over plain TCP, with short timeouts; the whole answer.
fn http_get(address: &str) -> Option<String> {
    use std::io::{Read, Write};
    let target: std::net::SocketAddr = format!("{address}:80").parse().ok()?;
    let mut stream = std::net::TcpStream::connect_timeout(&target, Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    stream
        .write_all(b"GET / HTTP/1.0\r\nHost: task\r\n\r\n")
        .ok()?;
    let mut body = String::new();
    stream.read_to_string(&mut body).ok()?;
    Some(body)
}

#[tokio::test]
async fn a_hardened_cluster_runs_tasks_without_new_privileges_or_host_capabilities() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster_offering(HARDENED_ATTRIBUTE).await;
    let script = "grep -E '^(NoNewPrivs|CapEff):' /proc/self/status; \
        if mknod /dev/probe c 1 3; then echo MKNOD-ALLOWED; else echo MKNOD-DENIED; fi; \
        mkdir -p /dev/mountpoint; \
        if mount -t tmpfs none /dev/mountpoint; then echo MOUNT-ALLOWED; else echo MOUNT-DENIED; fi; \
        echo CHECKS-DONE; sleep 600";
    register(
        &cluster.client,
        "probe",
        vec![shell_container("app", 64, script).build()],
    )
    .await;

    // The same definition in a cluster without a requirement: Docker's defaults, so the
    // checks below can tell the tiers apart.
    let standard = run_running(&cluster, "probe").await;
    cleanup.track(standard.task_arn().expect("arn"));
    assert_eq!(tier_tag(&standard), None, "{standard:?}");
    let log = wait_for_log(&runtime_id(&standard, "app"), "CHECKS-DONE").await;
    assert!(log.contains("NoNewPrivs:\t0"), "{log}");
    assert_ne!(cap_eff(&log) & (1 << CAP_MKNOD), 0, "{log}");
    assert!(log.contains("MKNOD-ALLOWED"), "{log}");

    require_tier(&cluster, "hardened").await;
    let hardened = run_running(&cluster, "probe").await;
    cleanup.track(hardened.task_arn().expect("arn"));
    assert_eq!(
        tier_tag(&hardened).as_deref(),
        Some("hardened"),
        "{hardened:?}"
    );
    let id = runtime_id(&hardened, "app");
    let log = wait_for_log(&id, "CHECKS-DONE").await;
    assert!(log.contains("NoNewPrivs:\t1"), "{log}");
    let caps = cap_eff(&log);
    for cap in [CAP_MKNOD, CAP_NET_RAW, CAP_AUDIT_WRITE] {
        assert_eq!(caps & (1 << cap), 0, "capability {cap} in CapEff of {log}");
    }
    assert!(log.contains("MKNOD-DENIED"), "{log}");
    assert!(log.contains("MOUNT-DENIED"), "{log}");
    let inspected = docker_inspect(&id).expect("the container exists");
    let security = inspected["HostConfig"]["SecurityOpt"].to_string();
    assert!(security.contains("no-new-privileges"), "{inspected}");

    // What the tier forbids is refused at RunTask, and nothing is launched.
    register(
        &cluster.client,
        "admin",
        vec![shell_container("app", 64, "true")
            .linux_parameters(
                LinuxParameters::builder()
                    .capabilities(KernelCapabilities::builder().add("NET_ADMIN").build())
                    .build(),
            )
            .build()],
    )
    .await;
    let err = cluster
        .client
        .run_task()
        .task_definition("admin")
        .send()
        .await
        .expect_err("NET_ADMIN is refused under the hardened tier");
    let service_err = err.into_service_error();
    assert!(
        service_err.is_invalid_parameter_exception(),
        "{service_err:?}"
    );
    let message = service_err.meta().message().unwrap_or_default().to_owned();
    assert!(
        message.contains("capabilities.add NET_ADMIN") && message.contains("hardened"),
        "{message}"
    );
    let listed = cluster
        .client
        .list_tasks()
        .family("admin")
        .send()
        .await
        .expect("ListTasks");
    assert!(listed.task_arns().is_empty(), "{listed:?}");
}

#[tokio::test]
async fn a_gvisor_requirement_places_tasks_only_on_hosts_with_runsc() {
    // The fake runtime offers runc only: its agent registers the hardened tier, not gvisor.
    let (cluster, instances) = cluster_with(AgentKind::Fake).await;
    let attributes = attribute_names(&cluster, &instances[0]).await;
    assert!(
        attributes.iter().any(|a| a == HARDENED_ATTRIBUTE)
            && !attributes.iter().any(|a| a == GVISOR_ATTRIBUTE),
        "{attributes:?}"
    );
    register(
        &cluster.client,
        "web",
        vec![shell_container("app", 64, "sleep 600").build()],
    )
    .await;
    let run_web = || async {
        cluster
            .client
            .run_task()
            .task_definition("web")
            .send()
            .await
    };
    require_tier(&cluster, "gvisor").await;
    let out = run_web().await.expect("RunTask");
    assert!(out.tasks().is_empty(), "{out:?}");
    assert_eq!(out.failures().len(), 1, "{out:?}");
    assert_eq!(out.failures()[0].reason(), Some("ATTRIBUTE"), "{out:?}");

    // The same task places once the cluster requires a tier the host has.
    require_tier(&cluster, "hardened").await;
    let out = run_web().await.expect("RunTask");
    assert!(out.failures().is_empty(), "{out:?}");
    let task = &out.tasks()[0];
    assert_eq!(tier_tag(task).as_deref(), Some("hardened"));
    // The task's tag is berth's: a user can neither change nor remove it.
    let task_arn = task.task_arn().expect("arn");
    let err = cluster
        .client
        .untag_resource()
        .resource_arn(task_arn)
        .tag_keys("berth:isolation")
        .send()
        .await
        .expect_err("the task's tier tag is berth's");
    assert!(
        err.into_service_error().is_invalid_parameter_exception(),
        "untagging berth:isolation"
    );
    let listed = cluster
        .client
        .list_tags_for_resource()
        .resource_arn(task_arn)
        .send()
        .await
        .expect("ListTagsForResource");
    assert!(
        listed
            .tags()
            .iter()
            .any(|t| t.key() == Some("berth:isolation") && t.value() == Some("hardened")),
        "{listed:?}"
    );

    // A tag value that is not a tier is refused, and the requirement stays.
    let err = cluster
        .client
        .tag_resource()
        .resource_arn(default_cluster_arn(&cluster).await)
        .tags(
            Tag::builder()
                .key("berth:isolation")
                .value("firecracker")
                .build(),
        )
        .send()
        .await
        .expect_err("not a tier");
    let service_err = err.into_service_error();
    assert!(
        service_err.is_invalid_parameter_exception(),
        "{service_err:?}"
    );
    assert!(
        service_err
            .meta()
            .message()
            .is_some_and(|m| m.contains("'firecracker' is not an isolation tier")),
        "{service_err:?}"
    );
}
