//! End-to-end tests of task volumes on real Docker, driven through the ECS API
//! (`aws-sdk-ecs`) of a real server with a real Docker agent, and checked from inside the
//! containers (`docker exec`) and with `docker volume inspect`.
//!
//! Covered: an empty task volume shared by two containers; a task-scoped Docker volume
//! with its driver options and labels; read-only mounts refusing writes; a bind mount of
//! a host directory (and one Docker creates); `volumesFrom`; a shared volume keeping its
//! data across a service rollout and never removed; a missing or mismatched shared
//! volume failing the task; task volumes, the pause container and the task cgroup removed
//! at cleanup and not before; and an agent restart re-adopting all of them, or finishing
//! a cleanup it was killed in.

mod agentdef_support;

use std::time::Duration;

use agentdef_support::{
    docker_cluster, exec, exec_ok, finish, pause_containers, register_task, run_running,
    run_tracked, stop_and_wait, task_cgroup_dirs, task_id, task_volumes, unique, volume_inspect,
    wait_cleaned_up, VolumeGuard, TIMEOUT,
};
use aws_sdk_ecs::operation::register_task_definition::builders::RegisterTaskDefinitionFluentBuilder;
use aws_sdk_ecs::types::{
    DockerVolumeConfiguration, HostVolumeProperties, MountPoint, PidMode, Scope, TaskStopCode,
    Volume, VolumeFrom,
};
use berth_testkit::fixtures::{describe, runtime_id, shell_container};
use berth_testkit::{docker, docker_available, docker_ps_label, wait_for, Options, TestCluster};

const TASK_LABEL: &str = "com.berth.task-arn";

fn mount(volume: &str, path: &str, read_only: bool) -> MountPoint {
    MountPoint::builder()
        .source_volume(volume)
        .container_path(path)
        .read_only(read_only)
        .build()
}

/// Registers `family`: one container that exits on SIGTERM, with an empty task volume
/// `scratch` at `/data`, plus whatever `task` adds.
async fn register_scratch(
    cluster: &TestCluster,
    family: &str,
    task: impl FnOnce(RegisterTaskDefinitionFluentBuilder) -> RegisterTaskDefinitionFluentBuilder,
) -> String {
    let app = shell_container("app", 16, "trap 'exit 0' TERM; sleep 1000 & wait")
        .mount_points(mount("scratch", "/data", false))
        .build();
    register_task(cluster, family, vec![app], |r| {
        task(r.volumes(Volume::builder().name("scratch").build()))
    })
    .await
}

#[tokio::test]
async fn containers_share_task_volumes_bind_mounts_and_volumes_from() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let host_dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(host_dir.path().join("from-host"), "hello from the host\n").expect("write");
    let created_dir = host_dir.path().join("made-by-docker");

    let writer = shell_container(
        "writer",
        16,
        "echo from-writer > /data/msg && echo cached > /cache/c && echo out > /host/out && \
         sleep 1000",
    )
    .mount_points(mount("scratch", "/data", false))
    .mount_points(mount("cache", "/cache", false))
    .mount_points(mount("hostdir", "/host", false))
    .mount_points(mount("newdir", "/new", false))
    .build();
    let reader = shell_container("reader", 16, "sleep 1000")
        .mount_points(mount("scratch", "/data", true))
        .build();
    // Listed first, created after the writer whose volumes it mounts.
    let borrower = shell_container("borrower", 16, "sleep 1000")
        .volumes_from(
            VolumeFrom::builder()
                .source_container("writer")
                .read_only(true)
                .build(),
        )
        .build();
    let def = register_task(&cluster, "vol-share", vec![borrower, writer, reader], |r| {
        r.volumes(Volume::builder().name("scratch").build())
            .volumes(
                Volume::builder()
                    .name("cache")
                    .docker_volume_configuration(
                        DockerVolumeConfiguration::builder()
                            .scope(Scope::Task)
                            .driver("local")
                            .driver_opts("type", "tmpfs")
                            .driver_opts("device", "tmpfs")
                            .labels("team", "storage")
                            .build(),
                    )
                    .build(),
            )
            .volumes(
                Volume::builder()
                    .name("hostdir")
                    .host(
                        HostVolumeProperties::builder()
                            .source_path(host_dir.path().display().to_string())
                            .build(),
                    )
                    .build(),
            )
            .volumes(
                Volume::builder()
                    .name("newdir")
                    .host(
                        HostVolumeProperties::builder()
                            .source_path(created_dir.display().to_string())
                            .build(),
                    )
                    .build(),
            )
    })
    .await;
    let task = run_running(&cluster, &cleanup, &def).await;
    let arn = task.task_arn().expect("a task ARN").to_owned();
    let writer = runtime_id(&task, "writer");
    let reader = runtime_id(&task, "reader");
    let borrower = runtime_id(&task, "borrower");
    wait_for("the writer's files", TIMEOUT, || async {
        exec(&writer, "cat /host/out").ok().filter(|s| s == "out")
    })
    .await;

    // The empty task volume: written by one container, read by another, read-only there.
    assert_eq!(exec_ok(&reader, "cat /data/msg"), "from-writer");
    let refused = exec(&reader, "echo x > /data/other").expect_err("a read-only mount");
    assert!(refused.contains("Read-only file system"), "{refused}");
    // volumesFrom: the writer's mounts at the same paths, read-only.
    assert_eq!(exec_ok(&borrower, "cat /cache/c"), "cached");
    assert_eq!(exec_ok(&borrower, "cat /data/msg"), "from-writer");
    assert!(
        exec(&borrower, "touch /cache/new").is_err(),
        "volumesFrom is read-only"
    );
    // The bind mount shows the host's file, and the host sees the container's.
    assert_eq!(
        exec_ok(&writer, "cat /host/from-host"),
        "hello from the host"
    );
    assert_eq!(
        std::fs::read_to_string(host_dir.path().join("out")).expect("the container's file"),
        "out\n"
    );
    assert!(
        created_dir.is_dir(),
        "Docker creates a missing host directory"
    );
    // The task-scoped Docker volume is a tmpfs, with its options and labels.
    assert!(exec_ok(&writer, "grep ' /cache ' /proc/mounts").starts_with("tmpfs"));
    let volumes = task_volumes(&arn);
    assert_eq!(volumes.len(), 2, "scratch and cache: {volumes:?}");
    let cache = volumes
        .iter()
        .find(|v| v.contains("-cache-"))
        .expect("the cache volume");
    let inspected = volume_inspect(cache).expect("cache exists");
    assert_eq!(inspected["Options"]["type"], "tmpfs");
    assert_eq!(inspected["Labels"]["team"], "storage");
    assert_eq!(inspected["Labels"][TASK_LABEL], arn.as_str());
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn task_volumes_pause_container_and_cgroup_go_at_cleanup_and_not_before() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options {
        task_cleanup_wait: Duration::from_secs(5),
        ..Options::default()
    })
    .await;
    let def = register_scratch(&cluster, "vol-cleanup", |r| {
        r.pid_mode(PidMode::Task).memory("64")
    })
    .await;
    let task = run_running(&cluster, &cleanup, &def).await;
    let arn = task.task_arn().expect("a task ARN").to_owned();
    let id = task_id(&task);
    let volumes = task_volumes(&arn);
    assert_eq!(volumes.len(), 1, "{volumes:?}");
    assert_eq!(pause_containers(&arn).len(), 1);
    assert!(!task_cgroup_dirs(&id).is_empty(), "the task cgroup exists");

    stop_and_wait(&cluster, &arn).await;
    // Stopped, but the retention has not passed: everything is still there.
    assert_eq!(task_volumes(&arn), volumes);
    assert_eq!(pause_containers(&arn).len(), 1);
    assert_eq!(docker_ps_label(TASK_LABEL, &arn).len(), 2, "app and pause");

    wait_cleaned_up(&arn, &id).await;
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn a_shared_volume_keeps_its_data_across_a_service_rollout() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options {
        task_cleanup_wait: Duration::from_secs(1),
        ..Options::default()
    })
    .await;
    let name = unique("berth-test-shared");
    let _volume = VolumeGuard(name.clone());
    let shared = |family: &str, script: &str| {
        // The task definition names the volume as Docker does: a shared volume's name.
        let app = shell_container("app", 16, script)
            .mount_points(mount(&name, "/shared", false))
            .build();
        let name = name.clone();
        let family = family.to_owned();
        let cluster = &cluster;
        async move {
            register_task(cluster, &family, vec![app], |r| {
                r.volumes(
                    Volume::builder()
                        .name(&name)
                        .docker_volume_configuration(
                            DockerVolumeConfiguration::builder()
                                .scope(Scope::Shared)
                                .autoprovision(true)
                                .build(),
                        )
                        .build(),
                )
            })
            .await
        }
    };
    let trap = "trap 'exit 0' TERM; sleep 1000 & wait";
    let rev1 = shared("vol-shared", &format!("echo rev1 >> /shared/log; {trap}")).await;
    // Revision 2 only runs if revision 1's data is there.
    let rev2 = shared(
        "vol-shared",
        &format!("grep -q rev1 /shared/log || exit 9; echo rev2 >> /shared/log; {trap}"),
    )
    .await;
    cluster
        .client
        .create_service()
        .service_name("keeper")
        .task_definition(&rev1)
        .desired_count(1)
        .send()
        .await
        .expect("CreateService");
    let first = wait_for("the first task", TIMEOUT, || async {
        let arns = cluster
            .client
            .list_tasks()
            .service_name("keeper")
            .send()
            .await
            .ok()?;
        let arn = arns.task_arns().first()?.clone();
        let task = describe(&cluster.client, &arn).await;
        (task.last_status() == Some("RUNNING")).then_some(task)
    })
    .await;
    cleanup.track(first.task_arn().expect("a task ARN"));
    cluster
        .client
        .update_service()
        .service("keeper")
        .task_definition(&rev2)
        .send()
        .await
        .expect("UpdateService");
    let second = wait_for("a revision 2 task RUNNING", TIMEOUT, || async {
        let arns = cluster
            .client
            .list_tasks()
            .service_name("keeper")
            .send()
            .await
            .ok()?;
        for arn in arns.task_arns() {
            let task = describe(&cluster.client, arn).await;
            if task.task_definition_arn() == Some(rev2.as_str())
                && task.last_status() == Some("RUNNING")
            {
                return Some(task);
            }
        }
        None
    })
    .await;
    cleanup.track(second.task_arn().expect("a task ARN"));
    let log = exec_ok(&runtime_id(&second, "app"), "cat /shared/log");
    assert_eq!(log, "rev1\nrev2", "the data survived the rollout");
    assert!(
        task_volumes(first.task_arn().expect("arn")).is_empty(),
        "a shared volume is not the task's"
    );

    // The service goes away; the volume stays.
    cluster
        .client
        .update_service()
        .service("keeper")
        .desired_count(0)
        .send()
        .await
        .expect("scale to 0");
    cluster
        .client
        .delete_service()
        .service("keeper")
        .send()
        .await
        .expect("DeleteService");
    for task in [&first, &second] {
        let arn = task.task_arn().expect("arn");
        cluster.wait_for_task_status(arn, "STOPPED", TIMEOUT).await;
        wait_for("the task's containers removed", TIMEOUT, || async {
            docker_ps_label(TASK_LABEL, arn).is_empty().then_some(())
        })
        .await;
    }
    let inspected = volume_inspect(&name).expect("the shared volume outlives its tasks");
    assert_eq!(inspected["Driver"], "local");
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn a_missing_or_mismatched_shared_volume_fails_the_task() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let missing = unique("berth-test-missing");
    let existing = unique("berth-test-existing");
    let _guards = (VolumeGuard(missing.clone()), VolumeGuard(existing.clone()));
    docker(&["volume", "create", &existing]);
    let run_with = |volume: String, autoprovision: bool, opts: bool| {
        let cluster = &cluster;
        let cleanup = &cleanup;
        async move {
            let app = shell_container("app", 16, "sleep 1000")
                .mount_points(mount(&volume, "/v", false))
                .build();
            let mut config = DockerVolumeConfiguration::builder()
                .scope(Scope::Shared)
                .autoprovision(autoprovision);
            if opts {
                config = config
                    .driver_opts("type", "tmpfs")
                    .driver_opts("device", "tmpfs");
            }
            let def = register_task(cluster, "vol-missing", vec![app], |r| {
                r.volumes(
                    Volume::builder()
                        .name(&volume)
                        .docker_volume_configuration(config.build())
                        .build(),
                )
            })
            .await;
            run_tracked(cluster, cleanup, &def).await
        }
    };
    let absent = run_with(missing.clone(), false, false).await;
    let mismatched = run_with(existing.clone(), true, true).await;
    for (arn, words) in [
        (absent, "does not exist and autoprovision is set to false"),
        (mismatched, "does not match existing volume options"),
    ] {
        let stopped = cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
        assert_eq!(stopped.stop_code(), Some(&TaskStopCode::TaskFailedToStart));
        let reason = stopped.stopped_reason().unwrap_or_default();
        assert!(reason.contains(words), "{reason}");
        assert!(
            docker_ps_label(TASK_LABEL, &arn).is_empty(),
            "no container made"
        );
    }
    assert!(volume_inspect(&missing).is_none(), "not provisioned");
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn an_agent_restart_readopts_the_pause_container_and_volumes() {
    if !docker_available() {
        return;
    }
    let (mut cluster, cleanup) = docker_cluster(Options {
        task_cleanup_wait: Duration::from_secs(2),
        ..Options::default()
    })
    .await;
    let def = register_scratch(&cluster, "vol-restart", |r| {
        r.pid_mode(PidMode::Task).cpu("256")
    })
    .await;
    let running = run_running(&cluster, &cleanup, &def).await;
    let arn = running.task_arn().expect("a task ARN").to_owned();
    let id = task_id(&running);
    let app_id = runtime_id(&running, "app");
    let pause = pause_containers(&arn);
    let volumes = task_volumes(&arn);
    assert_eq!((pause.len(), volumes.len()), (1, 1));

    cluster.restart().await;
    // A second task RUNNING means the restarted agent has adopted what it found (it does
    // so before it acts on any desired set).
    run_running(&cluster, &cleanup, &def).await;
    let again = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    assert_eq!(runtime_id(&again, "app"), app_id);
    assert_eq!(pause_containers(&arn), pause, "the same pause container");
    assert_eq!(
        task_volumes(&arn),
        volumes,
        "the same volume, no second one"
    );
    assert_eq!(docker_ps_label(TASK_LABEL, &arn).len(), 2);
    // The shared PID namespace still holds: the app sees the pause program as PID 1.
    assert_eq!(exec_ok(&app_id, "head -c 6 /proc/1/cmdline"), "/pause");

    stop_and_wait(&cluster, &arn).await;
    wait_cleaned_up(&arn, &id).await;
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn volumes_left_by_an_interrupted_cleanup_are_removed_after_a_restart() {
    if !docker_available() {
        return;
    }
    // A retention long enough that the agent never cleans up before it is stopped.
    let (mut cluster, cleanup) = docker_cluster(Options::default()).await;
    let def = register_scratch(&cluster, "vol-orphan", |r| r).await;
    let task = run_running(&cluster, &cleanup, &def).await;
    let arn = task.task_arn().expect("a task ARN").to_owned();
    stop_and_wait(&cluster, &arn).await;
    assert_eq!(task_volumes(&arn).len(), 1);

    // The agent dies after removing the task's containers but before its volume.
    cluster.stop().await;
    for id in docker_ps_label(TASK_LABEL, &arn) {
        docker(&["rm", "-f", &id]);
    }
    assert_eq!(task_volumes(&arn).len(), 1, "the volume is left over");
    cluster.restart().await;
    wait_for("the left-over volume removed", TIMEOUT, || async {
        task_volumes(&arn).is_empty().then_some(())
    })
    .await;
    finish(cluster, cleanup).await;
}
