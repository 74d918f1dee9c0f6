//! GPUs end to end, through a real server and real agents speaking the agent protocol.
//! No GPU was used: this machine has none. Detection runs a fake `nvidia-smi` script the
//! test writes; placement runs over agents with the fake runtime that register simulated
//! GPUs; the Docker test checks the device request Docker receives (Docker itself then
//! refuses to start the container, as it does on a host without NVIDIA's toolkit).
//!
//! - `nvidia_smi_gpus_are_registered_and_a_broken_driver_stops_the_agent`: the agent
//!   registers the UUIDs `nvidia-smi` lists as the `GPU` STRINGSET resource (and the
//!   driver version attributes); a failing `nvidia-smi` keeps the agent from registering.
//! - `gpu_tasks_take_free_gpus_and_hold_them_until_stopped`: three hosts with 0, 1 and 4
//!   GPUs; tasks needing 2 land only on the 4-GPU host with distinct `gpuIds` per
//!   container; a third fails with RESOURCE:GPU on every host; StopTask frees the GPUs for
//!   the next task; overrides, StartTask and the agent's container specs follow.
//! - `parallel_run_tasks_never_give_a_gpu_twice`: twelve concurrent RunTask calls for one
//!   GPU each on a 4-GPU host place exactly four tasks, on four different GPUs.
//! - `docker_receives_the_gpu_device_request`: the container Docker creates carries the
//!   `nvidia` device request with the task's GPU and `NVIDIA_VISIBLE_DEVICES`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use aws_sdk_ecs::types::{
    ContainerDefinition, ContainerInstance, ContainerOverride, ResourceRequirement, ResourceType,
    Task, TaskOverride,
};
use berth_agent::sim::simulated_gpu_ids;
use berth_agent::{FakeRuntime, GpuSource};
use berth_api::protocol::labels;
use berth_testkit::fixtures::{describe, describe_instance, register, shell_container};
use berth_testkit::{
    docker_available, docker_inspect, test_image, wait_for, AgentKind, DockerCleanup, Options,
    TestCluster,
};
use tokio_util::sync::CancellationToken;

const LONG: Duration = Duration::from_secs(60);
const UUIDS: [&str; 3] = [
    "GPU-8f6a2c1e-3b7d-4c9e-a1f0-5d2b8e7c4a91",
    "GPU-1c3e5a7b-9d2f-4b6a-8c0e-2f4a6c8e0b13",
    "GPU-5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1e35",
];

/// Writes an executable `nvidia-smi` into `dir` that answers the agent's query with
/// `body` (sh), and refuses any other question.
fn fake_nvidia_smi(dir: &Path, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).expect("a directory for nvidia-smi");
    let path = dir.join("nvidia-smi");
    let [query, format] = berth_agent::gpu::NVIDIA_SMI_ARGS;
    let script = format!(
        "#!/bin/sh\n\
         if [ \"$1 $2\" != \"{query} {format}\" ]; then echo \"unexpected: $*\" >&2; exit 64; fi\n\
         {body}\n"
    );
    std::fs::write(&path, script).expect("writing the fake nvidia-smi");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
        .expect("making it executable");
    path
}

fn gpu_requirement(count: u32) -> ResourceRequirement {
    ResourceRequirement::builder()
        .r#type(ResourceType::Gpu)
        .value(count.to_string())
        .build()
        .expect("a resource requirement")
}

/// A long-running container on the test image reserving `gpus` GPUs.
fn gpu_container(name: &str, gpus: u32) -> ContainerDefinition {
    ContainerDefinition::builder()
        .name(name)
        .image(test_image())
        .memory(32)
        .command("sleep")
        .command("3600")
        .resource_requirements(gpu_requirement(gpus))
        .build()
}

/// The `GPU` resource of an instance's registered or remaining resources, if it has one.
fn gpu_resource(instance: &ContainerInstance, remaining: bool) -> Option<BTreeSet<String>> {
    let list = if remaining {
        instance.remaining_resources()
    } else {
        instance.registered_resources()
    };
    let gpu = list.iter().find(|r| r.name() == Some("GPU"))?;
    assert_eq!(gpu.r#type(), Some("STRINGSET"));
    Some(gpu.string_set_value().iter().cloned().collect())
}

fn container_gpus(task: &Task, name: &str) -> Vec<String> {
    task.containers()
        .iter()
        .find(|c| c.name() == Some(name))
        .unwrap_or_else(|| panic!("no container {name} in {task:?}"))
        .gpu_ids()
        .to_vec()
}

fn failure_reasons(failures: &[aws_sdk_ecs::types::Failure]) -> BTreeSet<(String, String)> {
    failures
        .iter()
        .map(|f| {
            (
                f.arn().unwrap_or_default().to_owned(),
                f.reason().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nvidia_smi_gpus_are_registered_and_a_broken_driver_stops_the_agent() {
    let cluster = TestCluster::start().await;
    let tools = cluster.data_dir().join("tools");
    let smi = fake_nvidia_smi(
        &tools.join("working"),
        &UUIDS
            .iter()
            .map(|u| format!("echo '{u}, 535.104.05'"))
            .collect::<Vec<_>>()
            .join("; "),
    );
    let agent = cluster
        .start_agent_with_gpus(
            Arc::new(FakeRuntime::default()),
            &cluster.data_dir().join("gpu-host"),
            GpuSource::NvidiaSmi(Some(smi)),
        )
        .await;
    let arn = agent.instance_arn().await;
    cluster.wait_for_instances(1).await;
    let instance = describe_instance(&cluster.client, &arn).await;
    let all: BTreeSet<String> = UUIDS.iter().map(|u| (*u).to_owned()).collect();
    assert_eq!(gpu_resource(&instance, false), Some(all.clone()));
    assert_eq!(
        gpu_resource(&instance, true),
        Some(all),
        "every GPU is free"
    );
    let attribute = |name: &str| {
        instance
            .attributes()
            .iter()
            .find(|a| a.name() == name)
            .map(|a| a.value().map(str::to_owned))
    };
    assert_eq!(
        attribute("ecs.capability.gpu-driver-version"),
        Some(Some("535.104.05".to_owned()))
    );
    assert_eq!(
        attribute("ecs.capability.nvidia-driver-version.535.104.05"),
        Some(None)
    );

    // A driver that does not answer: the agent stops before registering, saying how to
    // go on, rather than registering the host without its GPUs.
    let broken = fake_nvidia_smi(
        &tools.join("broken"),
        "echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.' >&2; exit 9",
    );
    let token = cluster
        .server
        .app
        .create_join_token("default", true)
        .await
        .expect("a join token");
    let config = berth_agent::AgentConfig {
        join_token: Some(token),
        gpus: GpuSource::NvidiaSmi(Some(broken)),
        ..berth_agent::AgentConfig::new(
            cluster.endpoint(),
            "default",
            cluster.data_dir().join("broken-host"),
        )
    };
    let control =
        Arc::new(berth_agent::HttpControlPlane::new(&cluster.endpoint()).expect("an HTTP client"));
    let result = tokio::time::timeout(
        LONG,
        berth_agent::run(
            config,
            Arc::new(FakeRuntime::default()),
            control,
            CancellationToken::new(),
        ),
    )
    .await
    .expect("the agent gives up in time");
    let err = format!("{:#}", result.expect_err("a broken driver is fatal"));
    assert!(err.contains("could not communicate"), "{err}");
    assert!(err.contains("--no-gpus"), "{err}");
    let listed = cluster
        .client
        .list_container_instances()
        .send()
        .await
        .expect("ListContainerInstances");
    assert_eq!(
        listed.container_instance_arns(),
        [arn],
        "the broken host did not register"
    );
}

/// An agent over the fake runtime whose host has `gpus` simulated GPUs.
struct Host {
    runtime: Arc<FakeRuntime>,
    arn: String,
    gpus: BTreeSet<String>,
    _agent: berth_testkit::TestAgent,
}

async fn gpu_host(cluster: &TestCluster, index: usize, gpus: usize) -> Host {
    let runtime = Arc::new(FakeRuntime::default());
    let ids = simulated_gpu_ids(index, gpus);
    let agent = cluster
        .start_agent_with_gpus(
            runtime.clone(),
            &cluster.data_dir().join(format!("host-{index}")),
            GpuSource::Fixed(ids.clone()),
        )
        .await;
    Host {
        runtime,
        arn: agent.instance_arn().await,
        gpus: ids.into_iter().collect(),
        _agent: agent,
    }
}

/// The spec the host's runtime created the task's container `name` from.
fn created_spec(host: &Host, task_arn: &str, name: &str) -> berth_agent::runtime::ContainerSpec {
    let container = host
        .runtime
        .containers()
        .into_iter()
        .find(|c| {
            c.labels.get(labels::TASK_ARN).map(String::as_str) == Some(task_arn)
                && c.labels.get(labels::CONTAINER_NAME).map(String::as_str) == Some(name)
        })
        .unwrap_or_else(|| panic!("no container {name} of {task_arn}"));
    host.runtime.spec(&container.id).expect("its spec")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gpu_tasks_take_free_gpus_and_hold_them_until_stopped() {
    let cluster = TestCluster::start().await;
    let none = gpu_host(&cluster, 0, 0).await;
    let one = gpu_host(&cluster, 1, 1).await;
    let four = gpu_host(&cluster, 2, 4).await;
    cluster.wait_for_instances(3).await;
    assert_eq!(
        gpu_resource(&describe_instance(&cluster.client, &none.arn).await, false),
        None,
        "an instance without GPUs shows no GPU resource, as on ECS"
    );
    assert_eq!(
        gpu_resource(&describe_instance(&cluster.client, &one.arn).await, false),
        Some(one.gpus.clone())
    );

    // Two containers of one GPU each: the task needs two GPUs on one host.
    let td = register(
        &cluster.client,
        "gpu-pair",
        vec![gpu_container("trainer", 1), gpu_container("helper", 1)],
    )
    .await;
    let run = |count: i32| {
        cluster
            .client
            .run_task()
            .task_definition(&td)
            .count(count)
            .send()
    };
    let first = run(2).await.expect("RunTask");
    assert!(
        first.failures().is_empty(),
        "failures: {:?}",
        first.failures()
    );
    let tasks = first.tasks().to_vec();
    assert_eq!(tasks.len(), 2);
    let mut given = BTreeSet::new();
    for task in &tasks {
        assert_eq!(task.container_instance_arn(), Some(four.arn.as_str()));
        for name in ["trainer", "helper"] {
            let gpus = container_gpus(task, name);
            assert_eq!(gpus.len(), 1, "{name}: {gpus:?}");
            assert!(given.insert(gpus[0].clone()), "GPU {} given twice", gpus[0]);
        }
        // DescribeTasks shows the same.
        let described = describe(&cluster.client, task.task_arn().unwrap_or_default()).await;
        assert_eq!(
            container_gpus(&described, "trainer"),
            container_gpus(task, "trainer")
        );
    }
    assert_eq!(given, four.gpus, "the two tasks hold all four GPUs");
    let full = describe_instance(&cluster.client, &four.arn).await;
    assert_eq!(gpu_resource(&full, true), Some(BTreeSet::new()));
    assert_eq!(gpu_resource(&full, false), Some(four.gpus.clone()));

    // No host has two free GPUs now.
    let third = run(1).await.expect("RunTask");
    assert!(third.tasks().is_empty(), "{:?}", third.tasks());
    assert_eq!(
        failure_reasons(third.failures()),
        [&none.arn, &one.arn, &four.arn]
            .into_iter()
            .map(|arn| (arn.clone(), "RESOURCE:GPU".to_owned()))
            .collect()
    );
    // StartTask on the one-GPU host fails the same way.
    let started = cluster
        .client
        .start_task()
        .task_definition(&td)
        .container_instances(&one.arn)
        .send()
        .await
        .expect("StartTask");
    assert!(started.tasks().is_empty());
    assert_eq!(
        failure_reasons(started.failures()),
        [(one.arn.clone(), "RESOURCE:GPU".to_owned())].into()
    );

    // The agent gives each container exactly its GPUs.
    let first_arn = tasks[0].task_arn().unwrap_or_default().to_owned();
    cluster
        .wait_for_task_status(&first_arn, "RUNNING", LONG)
        .await;
    let spec = created_spec(&four, &first_arn, "trainer");
    assert_eq!(spec.gpu_ids, container_gpus(&tasks[0], "trainer"));
    assert!(spec
        .env
        .contains(&("NVIDIA_VISIBLE_DEVICES".to_owned(), spec.gpu_ids.join(","))));

    // GPUs are held until the task is STOPPED, then placed again.
    cluster
        .client
        .stop_task()
        .task(&first_arn)
        .send()
        .await
        .expect("StopTask");
    cluster
        .wait_for_task_status(&first_arn, "STOPPED", LONG)
        .await;
    let freed: BTreeSet<String> = ["trainer", "helper"]
        .iter()
        .flat_map(|name| container_gpus(&tasks[0], name))
        .collect();
    let remaining = wait_for("the stopped task's GPUs to be free", LONG, || async {
        let remaining = gpu_resource(&describe_instance(&cluster.client, &four.arn).await, true)?;
        (!remaining.is_empty()).then_some(remaining)
    })
    .await;
    assert_eq!(remaining, freed);

    // Overrides change the demand: three GPUs do not fit in the two free ones.
    let override_gpus = |trainer: &str| {
        TaskOverride::builder()
            .container_overrides(
                ContainerOverride::builder()
                    .name("trainer")
                    .resource_requirements(
                        ResourceRequirement::builder()
                            .r#type(ResourceType::Gpu)
                            .value(trainer)
                            .build()
                            .expect("a requirement"),
                    )
                    .build(),
            )
            .build()
    };
    let run_overridden = |trainer: &str| {
        cluster
            .client
            .run_task()
            .task_definition(&td)
            .overrides(override_gpus(trainer))
            .send()
    };
    let too_big = run_overridden("2").await.expect("RunTask");
    assert!(too_big.tasks().is_empty());
    assert!(
        failure_reasons(too_big.failures()).contains(&(four.arn.clone(), "RESOURCE:GPU".into())),
        "{:?}",
        too_big.failures()
    );
    let err = run_overridden("ALL").await.expect_err("ALL is refused");
    let err = err.into_service_error();
    assert!(err.is_invalid_parameter_exception(), "{err:?}");
    assert!(
        format!("{err:?}").contains("resourceRequirements"),
        "{err:?}"
    );

    let again = run(1).await.expect("RunTask");
    assert!(
        again.failures().is_empty(),
        "failures: {:?}",
        again.failures()
    );
    let replacement = &again.tasks()[0];
    assert_eq!(
        replacement.container_instance_arn(),
        Some(four.arn.as_str())
    );
    let regiven: BTreeSet<String> = ["trainer", "helper"]
        .iter()
        .flat_map(|name| container_gpus(replacement, name))
        .collect();
    assert_eq!(regiven, freed, "the freed GPUs are given again");
}

/// RunTask counts the GPUs of tasks still being written (in flight) against their host,
/// so concurrent calls never give one GPU twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_run_tasks_never_give_a_gpu_twice() {
    let cluster = TestCluster::start().await;
    let host = gpu_host(&cluster, 0, 4).await;
    cluster.wait_for_instances(1).await;
    let td = register(&cluster.client, "gpu-one", vec![gpu_container("solo", 1)]).await;
    let mut calls = Vec::new();
    for _ in 0..12 {
        let client = cluster.client.clone();
        let td = td.clone();
        calls.push(tokio::spawn(async move {
            client
                .run_task()
                .task_definition(td)
                .send()
                .await
                .expect("RunTask answers")
        }));
    }
    let mut given = BTreeSet::new();
    let mut refused = 0;
    for call in calls {
        let response = call.await.expect("the call completes");
        for task in response.tasks() {
            for gpu in container_gpus(task, "solo") {
                assert!(given.insert(gpu.clone()), "GPU {gpu} given twice");
            }
        }
        for failure in response.failures() {
            assert_eq!(failure.reason(), Some("RESOURCE:GPU"), "{failure:?}");
            refused += 1;
        }
    }
    assert_eq!(given, host.gpus, "each GPU is given exactly once");
    assert_eq!(refused, 8);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn docker_receives_the_gpu_device_request() {
    if !docker_available() {
        return;
    }
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Docker,
        gpus: GpuSource::Fixed(vec![UUIDS[0].to_owned()]),
        ..Options::default()
    })
    .await;
    let instances = cluster.wait_for_instances(1).await;
    let cleanup = DockerCleanup::new(instances);
    let td = register(
        &cluster.client,
        "gpu-docker",
        vec![shell_container("cuda", 32, "sleep 3600")
            .resource_requirements(gpu_requirement(1))
            .build()],
    )
    .await;
    let task = berth_testkit::fixtures::run_one(&cluster.client, &td).await;
    let arn = cleanup.track(task.task_arn().unwrap_or_default());
    assert_eq!(container_gpus(&task, "cuda"), vec![UUIDS[0].to_owned()]);

    // This host has no NVIDIA toolkit (and the GPU is not real), so Docker refuses to
    // start the container; what matters is what it was asked.
    let stopped = cluster.wait_for_task_status(&arn, "STOPPED", LONG).await;
    assert_eq!(
        stopped.stop_code(),
        Some(&aws_sdk_ecs::types::TaskStopCode::TaskFailedToStart)
    );
    let reason = stopped.stopped_reason().unwrap_or_default();
    assert!(reason.contains("nvidia"), "stoppedReason: {reason}");

    let id = berth_testkit::docker_ps_label(labels::TASK_ARN, &arn)
        .into_iter()
        .next()
        .expect("the container was created");
    let inspected = docker_inspect(&id).expect("the container exists");
    assert_eq!(
        inspected["HostConfig"]["DeviceRequests"],
        serde_json::json!([{
            "Driver": "nvidia",
            "Count": 0,
            "DeviceIDs": [UUIDS[0]],
            "Capabilities": [["gpu"]],
            "Options": null,
        }])
    );
    let env: Vec<&str> = inspected["Config"]["Env"]
        .as_array()
        .expect("an environment")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        env.contains(&format!("NVIDIA_VISIBLE_DEVICES={}", UUIDS[0]).as_str()),
        "{env:?}"
    );
}
