//! End-to-end tests that the agent applies the rest of a container definition on real
//! Docker, driven through the ECS API (`aws-sdk-ecs`) of a real server with a real Docker
//! agent, and checked from inside the containers (`docker exec`), on the host's cgroup
//! filesystem, and with `docker inspect`.
//!
//! Covered: task-level `cpu` and `memory` as hard limits on the task's cgroup (the parent
//! of its containers: its limits, and a container without a limit of its own killed at
//! the task's); `linuxParameters` (devices, tmpfs, sharedMemorySize, maxSwap and
//! swappiness); `systemControls`; `dockerSecurityOptions`; `interactive` and
//! `pseudoTerminal`; `disableNetworking`; `dnsSearchDomains`; `pidMode` and `ipcMode`
//! (`task` through the pause container, and `host`); and `containerPortRange` published
//! on a contiguous host port range and reported as ECS does.

mod agentdef_support;

use std::time::Duration;

use agentdef_support::{
    docker_cluster, exec_ok, finish, inspect, pause_containers, register_task, run_running,
    task_id, TIMEOUT,
};
use aws_sdk_ecs::types::{
    ContainerDefinition, Device, DeviceCgroupPermission, IpcMode, LinuxParameters, PidMode,
    PortMapping, SystemControl, Tmpfs, TransportProtocol,
};
use berth_testkit::fixtures::{describe, runtime_id, shell_container};
use berth_testkit::{docker_available, test_image, wait_for, Options};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const MIB: i64 = 1024 * 1024;

/// A container with no memory limit of its own (the task's applies).
fn unlimited_container(name: &str, script: &str) -> ContainerDefinition {
    ContainerDefinition::builder()
        .name(name)
        .image(test_image())
        .stop_timeout(2)
        .command("sh")
        .command("-c")
        .command(script)
        .build()
}

fn read_cgroup(hierarchy: &str, task_id: &str, file: &str) -> String {
    let path = format!("/sys/fs/cgroup/{hierarchy}/berth/{task_id}/{file}");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {path}: {e}"))
        .trim()
        .to_owned()
}

#[tokio::test]
async fn task_cpu_and_memory_are_hard_limits_on_the_task_cgroup() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let app = unlimited_container("app", "trap 'exit 0' TERM; sleep 1000 & wait");
    // Buffers a 300 MiB line: more than the task's 64 MiB, and it has no limit of its own.
    let hog = ContainerDefinition::builder()
        .essential(false)
        .name("hog")
        .image(test_image())
        .command("sh")
        .command("-c")
        .command("sleep 1; head -c 300m /dev/zero | tail > /dev/null")
        .build();
    let def = register_task(&cluster, "limits", vec![app, hog], |r| {
        r.cpu("256").memory("64")
    })
    .await;
    let running = run_running(&cluster, &cleanup, &def).await;
    let arn = running.task_arn().expect("a task ARN").to_owned();
    let id = task_id(&running);

    // The parent's limits: 256 units = a quarter CPU, 64 MiB.
    assert_eq!(read_cgroup("cpu", &id, "cpu.cfs_period_us"), "100000");
    assert_eq!(read_cgroup("cpu", &id, "cpu.cfs_quota_us"), "25000");
    assert_eq!(
        read_cgroup("memory", &id, "memory.limit_in_bytes"),
        (64 * MIB).to_string()
    );
    // The containers live under it, with no limit of their own.
    let app_id = runtime_id(&running, "app");
    let inspected = inspect(&app_id);
    assert_eq!(
        inspected["HostConfig"]["CgroupParent"],
        format!("/berth/{id}").as_str()
    );
    assert_eq!(inspected["HostConfig"]["Memory"], 0);
    let pid = inspected["State"]["Pid"].as_i64().expect("a pid");
    let cgroups = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).expect("cgroup");
    assert!(
        cgroups
            .lines()
            .any(|l| l.contains(":memory:") && l.contains(&format!("/berth/{id}/"))),
        "{cgroups}"
    );
    // The hog is killed at the task's limit, the task runs on.
    let hog = wait_for("the hog to be killed", TIMEOUT, || async {
        let task = describe(&cluster.client, &arn).await;
        task.containers()
            .iter()
            .find(|c| c.name() == Some("hog") && c.last_status() == Some("STOPPED"))
            .cloned()
    })
    .await;
    assert_eq!(hog.exit_code(), Some(137), "{hog:?}");
    assert_eq!(
        describe(&cluster.client, &arn).await.last_status(),
        Some("RUNNING")
    );
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn linux_parameters_devices_tmpfs_shared_memory_and_swap() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let linux = LinuxParameters::builder()
        .devices(
            Device::builder()
                .host_path("/dev/kmsg")
                .container_path("/dev/berth-kmsg")
                .permissions(DeviceCgroupPermission::Read)
                .build()
                .expect("a device"),
        )
        .tmpfs(
            Tmpfs::builder()
                .container_path("/scratch")
                .size(16)
                .mount_options("noexec")
                .build()
                .expect("a tmpfs"),
        )
        .shared_memory_size(32)
        .max_swap(0)
        .swappiness(10)
        .build();
    let app = shell_container("app", 64, "sleep 1000")
        .linux_parameters(linux)
        .build();
    let swapper = shell_container("swapper", 64, "sleep 1000")
        .linux_parameters(LinuxParameters::builder().max_swap(32).build())
        .build();
    let def = register_task(&cluster, "linux-params", vec![app, swapper], |r| r).await;
    let task = run_running(&cluster, &cleanup, &def).await;
    let app = runtime_id(&task, "app");
    let swapper = runtime_id(&task, "swapper");

    // The device, as a char device 1:11, readable only.
    assert!(exec_ok(&app, "ls -l /dev/berth-kmsg").starts_with('c'));
    let devices = exec_ok(&app, "cat /sys/fs/cgroup/devices/devices.list");
    assert!(devices.lines().any(|l| l == "c 1:11 r"), "{devices}");
    // The tmpfs: 16 MiB, noexec.
    assert!(exec_ok(&app, "df -k /scratch").contains(" 16384 "));
    assert!(exec_ok(&app, "grep ' /scratch ' /proc/mounts").contains("noexec"));
    // /dev/shm of 32 MiB.
    assert!(exec_ok(&app, "df -k /dev/shm").contains(" 32768 "));
    // maxSwap 0: memory + swap = memory, so no swap; swappiness as given.
    let memsw = "cat /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes";
    let swappiness = "cat /sys/fs/cgroup/memory/memory.swappiness";
    assert_eq!(exec_ok(&app, memsw), (64 * MIB).to_string());
    assert_eq!(exec_ok(&app, swappiness), "10");
    // maxSwap 32: 32 MiB of swap on top of 64 MiB, and ECS's default swappiness of 60.
    assert_eq!(exec_ok(&swapper, memsw), (96 * MIB).to_string());
    assert_eq!(exec_ok(&swapper, swappiness), "60");
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn sysctls_security_options_terminal_networking_and_dns_search() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let confined = shell_container("confined", 16, "sleep 1000")
        .system_controls(
            SystemControl::builder()
                .namespace("net.core.somaxconn")
                .value("1024")
                .build(),
        )
        .docker_security_options("no-new-privileges")
        .docker_security_options("seccomp:unconfined")
        .docker_security_options("label:disable")
        .docker_security_options("apparmor:unconfined")
        .dns_search_domains("a.example")
        .dns_search_domains("b.example")
        .build();
    // `sh` with no script keeps reading its terminal: it runs only with stdin open.
    let console = ContainerDefinition::builder()
        .name("console")
        .image(test_image())
        .memory(16)
        .stop_timeout(2)
        .interactive(true)
        .pseudo_terminal(true)
        .disable_networking(true)
        .build();
    let def = register_task(&cluster, "security", vec![confined, console], |r| r).await;
    let task = run_running(&cluster, &cleanup, &def).await;
    let confined = runtime_id(&task, "confined");
    let console = runtime_id(&task, "console");

    assert_eq!(
        exec_ok(&confined, "cat /proc/sys/net/core/somaxconn"),
        "1024"
    );
    let status = exec_ok(&confined, "cat /proc/self/status");
    assert!(status.contains("NoNewPrivs:\t1"), "{status}");
    assert!(status.contains("Seccomp:\t0"), "unconfined: {status}");
    let opts = inspect(&confined)["HostConfig"]["SecurityOpt"].clone();
    for expected in ["label=disable", "apparmor=unconfined", "no-new-privileges"] {
        assert!(
            opts.as_array()
                .is_some_and(|a| a.iter().any(|o| o == expected)),
            "{expected} in {opts}"
        );
    }
    let resolv = exec_ok(&confined, "cat /etc/resolv.conf");
    assert!(
        resolv.lines().any(|l| l == "search a.example b.example"),
        "{resolv}"
    );

    // The console's shell reads a terminal and has no network but loopback.
    assert_eq!(exec_ok(&console, "readlink /proc/1/fd/0"), "/dev/pts/0");
    assert_eq!(exec_ok(&console, "ls /sys/class/net"), "lo");
    let config = inspect(&console)["Config"].clone();
    assert_eq!(
        (
            &config["OpenStdin"],
            &config["Tty"],
            &config["NetworkDisabled"]
        ),
        (&true.into(), &true.into(), &true.into())
    );
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn pid_and_ipc_namespaces_are_shared_through_the_pause_container() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let shared = register_task(
        &cluster,
        "ns-task",
        vec![
            shell_container("a", 16, "sleep 1001").build(),
            shell_container("b", 16, "sleep 1002").build(),
        ],
        |r| r.pid_mode(PidMode::Task).ipc_mode(IpcMode::Task),
    )
    .await;
    let host = register_task(
        &cluster,
        "ns-host",
        vec![shell_container("h", 16, "sleep 1003").build()],
        |r| r.pid_mode(PidMode::Host).ipc_mode(IpcMode::Host),
    )
    .await;
    let shared = run_running(&cluster, &cleanup, &shared).await;
    let host = run_running(&cluster, &cleanup, &host).await;
    let shared_arn = shared.task_arn().expect("a task ARN");
    let host_arn = host.task_arn().expect("a task ARN");
    let (a, b) = (runtime_id(&shared, "a"), runtime_id(&shared, "b"));
    let pause = pause_containers(shared_arn);
    assert_eq!(pause.len(), 1, "{pause:?}");
    let ns = |id: &str, kind: &str| exec_ok(id, &format!("readlink /proc/self/ns/{kind}"));
    let host_ns = |kind: &str| {
        std::fs::read_link(format!("/proc/self/ns/{kind}"))
            .expect("the host's namespace")
            .display()
            .to_string()
    };

    // One PID namespace for the task, held by the pause program as PID 1: each container
    // sees the other's process.
    assert_eq!(ns(&a, "pid"), ns(&b, "pid"));
    assert_ne!(ns(&a, "pid"), host_ns("pid"));
    assert_eq!(exec_ok(&a, "head -c 6 /proc/1/cmdline"), "/pause");
    assert!(exec_ok(&a, "ps").contains("sleep 1002"));
    assert!(exec_ok(&b, "ps").contains("sleep 1001"));
    // One IPC namespace, the pause container's.
    assert_eq!(ns(&a, "ipc"), ns(&b, "ipc"));
    assert_ne!(ns(&a, "ipc"), host_ns("ipc"));
    let pause_pid = inspect(&pause[0])["State"]["Pid"].as_i64().expect("pid");
    let pause_ipc = std::fs::read_link(format!("/proc/{pause_pid}/ns/ipc")).expect("ns");
    assert_eq!(ns(&a, "ipc"), pause_ipc.display().to_string());
    // Host mode: the host's namespaces, and no pause container.
    let h = runtime_id(&host, "h");
    assert_eq!(ns(&h, "pid"), host_ns("pid"));
    assert_eq!(ns(&h, "ipc"), host_ns("ipc"));
    assert!(pause_containers(host_arn).is_empty());
    finish(cluster, cleanup).await;
}

/// Sends one line to `127.0.0.1:port` and returns the first line answered.
async fn echo(port: u16) -> Option<String> {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .ok()?;
    stream.write_all(b"ping\n").await.ok()?;
    let mut answer = vec![0u8; 64];
    let n = tokio::time::timeout(Duration::from_secs(2), stream.read(&mut answer))
        .await
        .ok()?
        .ok()?;
    Some(String::from_utf8_lossy(&answer[..n]).trim().to_owned())
}

#[tokio::test]
async fn a_container_port_range_is_published_on_a_host_port_range() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    // Each port answers with its own number.
    let script = "for p in 9000 9001 9002; do \
                  (while true; do echo $p | nc -l -p $p; done) & done; wait";
    let app = shell_container("app", 16, script)
        .port_mappings(
            PortMapping::builder()
                .container_port_range("9000-9002")
                .protocol(TransportProtocol::Tcp)
                .build(),
        )
        .build();
    let def = register_task(&cluster, "port-range", vec![app], |r| r).await;
    let task = run_running(&cluster, &cleanup, &def).await;
    let container = task
        .containers()
        .iter()
        .find(|c| c.name() == Some("app"))
        .expect("app");
    let binding = container
        .network_bindings()
        .iter()
        .find(|b| b.bind_ip() == Some("0.0.0.0"))
        .unwrap_or_else(|| panic!("an IPv4 binding in {:?}", container.network_bindings()));
    assert_eq!(binding.container_port_range(), Some("9000-9002"));
    assert_eq!(binding.container_port(), None);
    let (first, last) = binding
        .host_port_range()
        .and_then(|r| r.split_once('-'))
        .map(|(a, b)| {
            (
                a.parse::<u16>().expect("port"),
                b.parse::<u16>().expect("port"),
            )
        })
        .expect("a hostPortRange");
    assert_eq!(
        last - first,
        2,
        "a contiguous range as long as the container's"
    );
    for (offset, port) in (first..=last).enumerate() {
        let expected = (9000 + offset).to_string();
        wait_for(&format!("host port {port}"), TIMEOUT, || async {
            echo(port).await.filter(|a| *a == expected)
        })
        .await;
    }
    finish(cluster, cleanup).await;
}
