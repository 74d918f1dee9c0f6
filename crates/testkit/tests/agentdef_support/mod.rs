//! Helpers shared by the Docker tests of the container definition (`docker_volumes.rs`,
//! `docker_container_definition.rs`, `docker_restart_policy.rs`): a cluster with a Docker
//! agent and a cleanup guard, registering a task definition with task-level settings,
//! running a command in a task's container, and finding what the agent made for a task
//! (its volumes, its pause container, its cgroup directories).

// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use aws_sdk_ecs::operation::register_task_definition::builders::RegisterTaskDefinitionFluentBuilder;
use aws_sdk_ecs::types::{ContainerDefinition, Task};
use berth_api::protocol::labels;
use berth_testkit::fixtures::run_one;
use berth_testkit::{
    docker, docker_inspect, docker_ps_label, wait_for, AgentKind, DockerCleanup, Options,
    TestCluster,
};
use serde_json::Value;

pub const TIMEOUT: Duration = Duration::from_secs(60);

/// A cluster with a Docker agent (with `options`) and a guard that removes its instance's
/// containers and volumes.
pub async fn docker_cluster(options: Options) -> (TestCluster, DockerCleanup) {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Docker,
        ..options
    })
    .await;
    let instances = cluster.wait_for_instances(1).await;
    (cluster, DockerCleanup::new(instances))
}

/// Stops the agent before the guard removes what it made, so that it cannot make a
/// removed container again behind the guard's back.
pub async fn finish(mut cluster: TestCluster, cleanup: DockerCleanup) {
    cluster.stop().await;
    drop(cleanup);
}

/// Registers `family` with `containers` and whatever `task` adds (volumes, cpu, memory,
/// pidMode, ...), and returns the task definition ARN.
pub async fn register_task(
    cluster: &TestCluster,
    family: &str,
    containers: Vec<ContainerDefinition>,
    task: impl FnOnce(RegisterTaskDefinitionFluentBuilder) -> RegisterTaskDefinitionFluentBuilder,
) -> String {
    let request = cluster
        .client
        .register_task_definition()
        .family(family)
        .set_container_definitions(Some(containers));
    task(request)
        .send()
        .await
        .unwrap_or_else(|e| panic!("registering {family}: {e:?}"))
        .task_definition()
        .and_then(|d| d.task_definition_arn())
        .expect("a task definition ARN")
        .to_owned()
}

/// Runs one task of `def`, removed by `cleanup` at the end, and returns its ARN.
pub async fn run_tracked(cluster: &TestCluster, cleanup: &DockerCleanup, def: &str) -> String {
    let task = run_one(&cluster.client, def).await;
    cleanup.track(task.task_arn().expect("a task ARN"))
}

/// Runs one task of `def` (removed by `cleanup` at the end) until it is RUNNING.
pub async fn run_running(cluster: &TestCluster, cleanup: &DockerCleanup, def: &str) -> Task {
    let arn = run_tracked(cluster, cleanup, def).await;
    cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await
}

/// StopTask, then waits until the task is STOPPED.
pub async fn stop_and_wait(cluster: &TestCluster, arn: &str) -> Task {
    cluster
        .client
        .stop_task()
        .task(arn)
        .send()
        .await
        .expect("StopTask");
    cluster.wait_for_task_status(arn, "STOPPED", TIMEOUT).await
}

/// Waits until the agent removed the task's containers, volumes and cgroup.
pub async fn wait_cleaned_up(arn: &str, task_id: &str) {
    wait_for("the task's cleanup", TIMEOUT, || async {
        (docker_ps_label(labels::TASK_ARN, arn).is_empty()
            && task_volumes(arn).is_empty()
            && task_cgroup_dirs(task_id).is_empty())
        .then_some(())
    })
    .await;
}

/// The task's ID (the last part of its ARN).
pub fn task_id(task: &Task) -> String {
    task.task_arn()
        .and_then(|a| a.rsplit('/').next())
        .expect("a task ARN")
        .to_owned()
}

/// Runs `sh -c script` in container `id`; stdout on success, stderr and stdout on failure.
pub fn exec(id: &str, script: &str) -> Result<String, String> {
    let out = Command::new("docker")
        .args(["exec", id, "sh", "-c", script])
        .output()
        .expect("running docker exec");
    let stdout = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if out.status.success() {
        Ok(stdout)
    } else {
        Err(format!(
            "{}{stdout}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Runs `sh -c script` in container `id` and returns its output, panicking on failure.
pub fn exec_ok(id: &str, script: &str) -> String {
    exec(id, script).unwrap_or_else(|e| panic!("`{script}` failed in {id}: {e}"))
}

/// The names of the Docker volumes labelled with the task's ARN.
pub fn task_volumes(task_arn: &str) -> Vec<String> {
    let listed = docker(&[
        "volume",
        "ls",
        "-q",
        "--filter",
        &format!("label={}={task_arn}", labels::TASK_ARN),
    ]);
    listed.split_whitespace().map(str::to_owned).collect()
}

/// `docker volume inspect` of one volume, or `None` if it does not exist.
pub fn volume_inspect(name: &str) -> Option<Value> {
    docker_inspect_kind("volume", name)
}

fn docker_inspect_kind(kind: &str, name: &str) -> Option<Value> {
    let out = Command::new("docker")
        .args([kind, "inspect", name])
        .output()
        .expect("running docker");
    if !out.status.success() {
        return None;
    }
    let mut all: Vec<Value> = serde_json::from_slice(&out.stdout).expect("docker prints JSON");
    (!all.is_empty()).then(|| all.swap_remove(0))
}

/// The IDs of the task's pause containers (any state).
pub fn pause_containers(task_arn: &str) -> Vec<String> {
    docker(&[
        "ps",
        "-aq",
        "--no-trunc",
        "--filter",
        &format!("label={}={task_arn}", labels::TASK_ARN),
        "--filter",
        &format!("label={}=pause", labels::ROLE),
    ])
    .split_whitespace()
    .map(str::to_owned)
    .collect()
}

/// `docker inspect` of a container that must exist.
pub fn inspect(id: &str) -> Value {
    docker_inspect(id).unwrap_or_else(|| panic!("container {id} does not exist"))
}

/// The task's cgroup directories that exist on this (cgroup v1, cgroupfs) host.
pub fn task_cgroup_dirs(task_id: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir("/sys/fs/cgroup") else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path().join("berth").join(task_id))
        .filter(|p| p.is_dir())
        .collect()
}

/// A name no other test run uses, for things outside one task (shared volumes).
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{prefix}-{}-{nanos}", std::process::id())
}

/// Removes a Docker volume when dropped (the shared volumes berth never removes).
pub struct VolumeGuard(pub String);

impl Drop for VolumeGuard {
    fn drop(&mut self) {
        let _ = Command::new("docker")
            .args(["volume", "rm", "-f", &self.0])
            .output();
    }
}
