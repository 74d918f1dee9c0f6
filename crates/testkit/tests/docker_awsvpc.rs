//! awsvpc task networking end to end, on real Docker containers: tasks get the address
//! the server allocated (shown as ECS's ENI attachment), reach each other by it on one
//! host and across the two dockerds of the test environment, and are reachable only on
//! the ports their security groups admit. Stopping a task removes its ingress chain and
//! its namespace (the pause container and its veth), and frees its address.
//!
//! Each test makes its own subnet over a /16 of 10.0.0.0/8 that no route of the host
//! uses, so that concurrent tests never share a slice's bridge.
//!
//! One test makes its subnet and group through the EC2 API (signed Query requests, as
//! `aws ec2` sends them) and shows that the rules authorized and revoked there are what a
//! task launched afterwards admits.

mod api_support;

use std::time::Duration;

use aws_sdk_ecs::types::{NetworkMode, Task};
use berth_api::protocol::IngressRule;
use berth_testkit::fixtures::{awsvpc, describe, free_cidr, shell_container};
use berth_testkit::{
    docker, docker_available, wait_for, AgentKind, DockerCleanup, Options, TestCluster,
};

const TIMEOUT: Duration = Duration::from_secs(60);
const SECOND_DOCKER: &str = "unix:///var/run/berth-docker2.sock";

/// The attachment detail `name` of an awsvpc task.
fn detail(task: &Task, name: &str) -> String {
    let attachment = task
        .attachments()
        .iter()
        .find(|a| a.r#type() == Some("ElasticNetworkInterface"))
        .unwrap_or_else(|| panic!("no ENI attachment in {task:?}"));
    attachment
        .details()
        .iter()
        .find(|d| d.name() == Some(name))
        .and_then(|d| d.value())
        .unwrap_or_else(|| panic!("no {name} in {attachment:?}"))
        .to_owned()
}

/// `docker [-H host] ARGS`, with its exit status and output.
fn docker_on(host: Option<&str>, args: &[&str]) -> (bool, String) {
    let mut command = std::process::Command::new("docker");
    if let Some(host) = host {
        command.args(["-H", host]);
    }
    let out = command.args(args).output().expect("running docker");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// Fetches `http://ADDRESS:PORT/` from inside a container (busybox wget under a 3 s
/// `timeout`: busybox's own `wget -T` crashes in the test image).
fn fetch(host: Option<&str>, container: &str, address: &str, port: u16) -> (bool, String) {
    docker_on(
        host,
        &[
            "exec",
            container,
            "timeout",
            "3",
            "wget",
            "-q",
            "-O",
            "-",
            &format!("http://{address}:{port}/"),
        ],
    )
}

fn iptables_has_chain(chain: &str) -> bool {
    std::process::Command::new("iptables")
        .args(["-w", "-S", chain])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Removes the Docker networks an agent made for its slices.
fn remove_networks(host: Option<&str>, instance_arn: &str) {
    let (_, out) = docker_on(
        host,
        &[
            "network",
            "ls",
            "-q",
            "--filter",
            &format!("label=com.berth.container-instance-arn={instance_arn}"),
        ],
    );
    for id in out.split_whitespace() {
        docker_on(host, &["network", "rm", id]);
    }
}

#[tokio::test]
async fn awsvpc_tasks_reach_each_other_by_address_where_their_groups_allow() {
    if !docker_available() {
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
        .create_subnet(&free_cidr(), "test", 24)
        .await
        .expect("creating a subnet");
    // Port 80 from anywhere; 8080 is not admitted.
    let web_group = app
        .create_security_group(
            "web",
            "http only",
            vec![IngressRule {
                protocol: "tcp".into(),
                from_port: 80,
                to_port: 80,
                cidr: "0.0.0.0/0".into(),
            }],
        )
        .await
        .expect("creating a security group");

    let client = &cluster.client;
    let register = |family: &str, script: &str| {
        let family = family.to_owned();
        let script = script.to_owned();
        async move {
            client
                .register_task_definition()
                .family(&family)
                .network_mode(NetworkMode::Awsvpc)
                .container_definitions(shell_container("main", 32, &script).build())
                .send()
                .await
                .unwrap_or_else(|e| panic!("registering {family}: {e:?}"));
        }
    };
    // Two containers: they share the pause container's network namespace.
    client
        .register_task_definition()
        .family("awsvpc-web")
        .network_mode(NetworkMode::Awsvpc)
        .container_definitions(
            shell_container(
                "main",
                32,
                "mkdir -p /w && echo hello-from-web > /w/index.html && httpd -p 8080 -h /w && exec httpd -f -p 80 -h /w",
            )
            .build(),
        )
        .container_definitions(shell_container("sidecar", 16, "exec sleep 3600").build())
        .send()
        .await
        .expect("registering awsvpc-web");
    register("awsvpc-client", "exec sleep 3600").await;
    let run = |family: &str, groups: Vec<String>, instance: Option<String>| {
        let family = family.to_owned();
        let subnet = subnet.id.clone();
        async move {
            let groups: Vec<&str> = groups.iter().map(String::as_str).collect();
            let tasks = match instance {
                None => {
                    let out = client
                        .run_task()
                        .task_definition(&family)
                        .network_configuration(awsvpc(&subnet, &groups))
                        .send()
                        .await
                        .unwrap_or_else(|e| panic!("running {family}: {e:?}"));
                    assert!(out.failures().is_empty(), "{:?}", out.failures());
                    out.tasks().to_vec()
                }
                Some(instance) => {
                    let out = client
                        .start_task()
                        .task_definition(&family)
                        .container_instances(instance)
                        .network_configuration(awsvpc(&subnet, &groups))
                        .send()
                        .await
                        .unwrap_or_else(|e| panic!("starting {family}: {e:?}"));
                    assert!(out.failures().is_empty(), "{:?}", out.failures());
                    out.tasks().to_vec()
                }
            };
            tasks[0].clone()
        }
    };

    let web = run("awsvpc-web", vec![web_group.id.clone()], None).await;
    let web_arn = web.task_arn().expect("arn").to_owned();
    cleanup.track(&web_arn);
    // The address is there at once, from placement.
    let web_address = detail(&web, "privateIPv4Address");
    assert_eq!(detail(&web, "subnetId"), subnet.id);
    assert!(detail(&web, "networkInterfaceId").starts_with("eni-"));
    assert_eq!(
        detail(&web, "privateDnsName"),
        format!("ip-{}.ec2.internal", web_address.replace('.', "-"))
    );
    let client_task = run("awsvpc-client", Vec::new(), None).await;
    let client_arn = client_task.task_arn().expect("arn").to_owned();
    cleanup.track(&client_arn);
    let client_address = detail(&client_task, "privateIPv4Address");
    assert_ne!(web_address, client_address, "an address was given twice");

    let web = cluster
        .wait_for_task_status(&web_arn, "RUNNING", TIMEOUT)
        .await;
    let client_task = cluster
        .wait_for_task_status(&client_arn, "RUNNING", TIMEOUT)
        .await;
    let attachment = &web.attachments()[0];
    assert_eq!(attachment.status(), Some("ATTACHED"));
    let interface = &web.containers()[0].network_interfaces()[0];
    assert_eq!(interface.private_ipv4_address(), Some(web_address.as_str()));
    assert_eq!(interface.attachment_id(), attachment.id());
    // The container really has that address and MAC, in the pause container's namespace.
    let web_container = web.containers()[0]
        .runtime_id()
        .expect("runtime id")
        .to_owned();
    let addresses = docker(&["exec", &web_container, "ip", "addr"]);
    assert!(
        addresses.contains(&format!("inet {web_address}/24")),
        "{addresses}"
    );
    assert!(
        addresses.contains(&detail(&web, "macAddress")),
        "{addresses}"
    );
    let client_container = client_task.containers()[0]
        .runtime_id()
        .expect("runtime id")
        .to_owned();

    // The sidecar shares main's namespace: it reaches main's httpd on localhost.
    let sidecar = web
        .containers()
        .iter()
        .find(|c| c.name() == Some("sidecar"))
        .and_then(|c| c.runtime_id())
        .expect("the sidecar's runtime id")
        .to_owned();
    let (ok, body) = fetch(None, &sidecar, "127.0.0.1", 80);
    assert!(ok && body.contains("hello-from-web"), "{body}");
    // Port 80 is admitted by the web group; 8080 (which httpd also serves) is not.
    let (ok, body) = wait_for("the client to reach web:80", TIMEOUT, || {
        let (ok, body) = fetch(None, &client_container, &web_address, 80);
        async move { ok.then_some((ok, body)) }
    })
    .await;
    assert!(ok && body.contains("hello-from-web"), "{body}");
    let (ok, body) = fetch(None, &client_container, &web_address, 8080);
    assert!(
        !ok,
        "port 8080 is not in the web group but answered: {body}"
    );
    // It is the group that refuses it: httpd does serve 8080 inside the task.
    let (ok, body) = fetch(None, &web_container, "127.0.0.1", 8080);
    assert!(ok && body.contains("hello-from-web"), "{body}");
    // The client has the default group (everything admitted): web reaches it back.
    let (ok, _) = docker_on(
        None,
        &[
            "exec",
            &web_container,
            "ping",
            "-c",
            "1",
            "-W",
            "2",
            &client_address,
        ],
    );
    assert!(ok, "web cannot ping the client");

    // A task on another host (the second dockerd) reaches web through the hosts' routes.
    let second = if std::path::Path::new(SECOND_DOCKER.trim_start_matches("unix://")).exists() {
        let runtime = berth_agent::DockerRuntime::connect_unix(SECOND_DOCKER)
            .await
            .expect("connecting to the second dockerd");
        let dir = tempfile::tempdir().expect("tempdir");
        let agent = cluster
            .start_agent(std::sync::Arc::new(runtime), dir.path())
            .await;
        let arn = agent.instance_arn().await;
        cluster.wait_for_instances(2).await;
        Some((agent, arn, dir))
    } else {
        assert!(
            std::env::var_os("BERTH_REQUIRE_DOCKER").is_none(),
            "BERTH_REQUIRE_DOCKER is set but the second dockerd is missing: run scripts/second-dockerd.sh"
        );
        None
    };
    if let Some((_, second_arn, _)) = &second {
        let remote = run("awsvpc-client", Vec::new(), Some(second_arn.clone())).await;
        let remote_arn = remote.task_arn().expect("arn").to_owned();
        let remote_address = detail(&remote, "privateIPv4Address");
        // Another host, another slice.
        assert_ne!(
            remote_address.rsplit_once('.').map(|p| p.0),
            web_address.rsplit_once('.').map(|p| p.0),
            "two hosts share a slice"
        );
        let remote = cluster
            .wait_for_task_status(&remote_arn, "RUNNING", TIMEOUT)
            .await;
        let remote_container = remote.containers()[0]
            .runtime_id()
            .expect("runtime id")
            .to_owned();
        let host = Some(SECOND_DOCKER);
        let (ok, body) = wait_for("the remote client to reach web:80", TIMEOUT, || {
            let (ok, body) = fetch(host, &remote_container, &web_address, 80);
            async move { ok.then_some((ok, body)) }
        })
        .await;
        assert!(ok && body.contains("hello-from-web"), "{body}");
        let (ok, _) = fetch(host, &remote_container, &web_address, 8080);
        assert!(!ok, "port 8080 answered across hosts");
        client
            .stop_task()
            .task(&remote_arn)
            .send()
            .await
            .expect("StopTask");
        cluster
            .wait_for_task_status(&remote_arn, "STOPPED", TIMEOUT)
            .await;
    }

    // Stopping web removes its chain and, after cleanup, its namespace; its address is
    // freed and given again.
    let eni = detail(&web, "networkInterfaceId");
    let chain = format!("BERTH-{eni}");
    assert!(iptables_has_chain(&chain), "no ingress chain {chain}");
    client
        .stop_task()
        .task(&web_arn)
        .send()
        .await
        .expect("StopTask");
    let stopped = cluster
        .wait_for_task_status(&web_arn, "STOPPED", TIMEOUT)
        .await;
    assert_eq!(stopped.attachments()[0].status(), Some("DELETED"));
    assert!(
        !iptables_has_chain(&chain),
        "the chain {chain} outlived the task"
    );
    let task_id = web_arn.rsplit('/').next().expect("id");
    wait_for("the web task's pause container to go", TIMEOUT, || async {
        let (_, names) = docker_on(None, &["ps", "-a", "--format", "{{.Names}}"]);
        (!names.contains(&format!("berth-pause-{task_id}"))).then_some(())
    })
    .await;
    let (_, links) = docker_on(
        None,
        &[
            "network",
            "inspect",
            "-f",
            "{{len .Containers}}",
            &format!("berth-{}-0", subnet.id),
        ],
    );
    assert_eq!(
        links.trim(),
        "1",
        "only the client is left on the slice's network"
    );
    let again = wait_for("web's address to be given again", TIMEOUT, || async {
        let task = run("awsvpc-client", Vec::new(), None).await;
        let arn = task.task_arn().expect("arn").to_owned();
        cleanup.track(&arn);
        let address = detail(&task, "privateIPv4Address");
        client.stop_task().task(&arn).send().await.ok();
        (address == web_address).then_some(arn)
    })
    .await;
    let again = describe(client, &again).await;
    assert_eq!(detail(&again, "privateIPv4Address"), web_address);

    client
        .stop_task()
        .task(&client_arn)
        .send()
        .await
        .expect("StopTask");
    // Every task stopped leaves no ingress chain behind.
    let stopped = client
        .list_tasks()
        .desired_status(aws_sdk_ecs::types::DesiredStatus::Stopped)
        .send()
        .await
        .expect("ListTasks");
    for arn in stopped.task_arns() {
        let task = cluster.wait_for_task_status(arn, "STOPPED", TIMEOUT).await;
        let chain = format!("BERTH-{}", detail(&task, "networkInterfaceId"));
        assert!(
            !iptables_has_chain(&chain),
            "the chain {chain} outlived its task"
        );
    }
    drop(cleanup);
    for instance in &instances {
        berth_testkit::remove_instance_networks(std::slice::from_ref(instance));
    }
    if let Some((mut agent, arn, _dir)) = second {
        agent.stop().await;
        let (_, ids) = docker_on(
            Some(SECOND_DOCKER),
            &[
                "ps",
                "-aq",
                "--filter",
                &format!("label=com.berth.container-instance-arn={arn}"),
            ],
        );
        for id in ids.split_whitespace() {
            docker_on(Some(SECOND_DOCKER), &["rm", "-f", id]);
        }
        remove_networks(Some(SECOND_DOCKER), &arn);
    }
}

#[tokio::test]
async fn a_restarted_agent_readopts_awsvpc_tasks_with_their_addresses() {
    if !docker_available() {
        return;
    }
    let cluster = TestCluster::with(Options {
        agent: AgentKind::None,
        task_cleanup_wait: Duration::from_millis(500),
        ..Options::default()
    })
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let runtime: std::sync::Arc<dyn berth_agent::ContainerRuntime> = std::sync::Arc::new(
        berth_agent::DockerRuntime::connect()
            .await
            .expect("connecting to Docker"),
    );
    let mut agent = cluster.start_agent(runtime.clone(), dir.path()).await;
    let instance = agent.instance_arn().await;
    let cleanup = DockerCleanup::new(vec![instance.clone()]);
    let app = &cluster.server.app;
    let subnet = app
        .create_subnet(&free_cidr(), "restart", 24)
        .await
        .expect("creating a subnet");
    let client = &cluster.client;
    client
        .register_task_definition()
        .family("awsvpc-restart")
        .network_mode(NetworkMode::Awsvpc)
        .container_definitions(
            shell_container(
                "main",
                32,
                "mkdir -p /w && echo up > /w/index.html && exec httpd -f -p 80 -h /w",
            )
            .build(),
        )
        .send()
        .await
        .expect("RegisterTaskDefinition");
    let out = client
        .run_task()
        .task_definition("awsvpc-restart")
        .network_configuration(awsvpc(&subnet.id, &[]))
        .send()
        .await
        .expect("RunTask");
    let arn = out.tasks()[0].task_arn().expect("arn").to_owned();
    cleanup.track(&arn);
    let before = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let address = detail(&before, "privateIPv4Address");
    let container = before.containers()[0].runtime_id().expect("id").to_owned();
    // The host reaches the task at its address (OUTPUT is not filtered).
    let reach = || {
        std::process::Command::new("busybox")
            .args(["wget", "-q", "-O", "-", &format!("http://{address}/")])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).contains("up"))
            .unwrap_or(false)
    };
    wait_for("the host to reach the task", TIMEOUT, || async {
        reach().then_some(())
    })
    .await;

    agent.stop().await;
    let mut agent = cluster.start_agent(runtime, dir.path()).await;
    // Adopted, not recreated: same container, same address, still served.
    let after = wait_for(
        "the restarted agent to report the task",
        TIMEOUT,
        || async {
            let task = describe(client, &arn).await;
            (task.last_status() == Some("RUNNING")
                && task.containers()[0].runtime_id() == Some(container.as_str()))
            .then_some(task)
        },
    )
    .await;
    assert_eq!(detail(&after, "privateIPv4Address"), address);
    assert!(reach(), "the task is unreachable after the agent restarted");
    let eni = detail(&after, "networkInterfaceId");
    assert!(iptables_has_chain(&format!("BERTH-{eni}")));

    client
        .stop_task()
        .task(&arn)
        .send()
        .await
        .expect("StopTask");
    cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    assert!(!iptables_has_chain(&format!("BERTH-{eni}")));
    let network = format!("berth-{}-0", subnet.id);
    wait_for("the task's namespace and veth to go", TIMEOUT, || async {
        let (_, count) = docker_on(
            None,
            &["network", "inspect", "-f", "{{len .Containers}}", &network],
        );
        (count.trim() == "0").then_some(())
    })
    .await;
    // No veth is left on the slice's bridge.
    let (_, id) = docker_on(None, &["network", "inspect", "-f", "{{.Id}}", &network]);
    let bridge = format!("br-{}", &id.trim()[..12]);
    let links = std::process::Command::new("ip")
        .args(["link", "show", "master", &bridge])
        .output()
        .expect("ip link");
    assert!(
        String::from_utf8_lossy(&links.stdout).trim().is_empty(),
        "veths left on {bridge}"
    );
    agent.stop().await;
    drop(cleanup);
    berth_testkit::remove_instance_networks(std::slice::from_ref(&instance));
}

/// POSTs an EC2 Query request (`Action=…` and its parameters) signed by the server's
/// own credentials; panics unless it succeeds. Returns the answer's XML.
async fn ec2(cluster: &TestCluster, params: &str) -> String {
    let reply = api_support::post_signed(
        cluster,
        "ec2",
        &[(
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        )],
        format!("{params}&Version=2016-11-15").into_bytes(),
        Some(api_support::admin_signer(cluster)),
    )
    .await;
    let body = String::from_utf8_lossy(&reply.body).into_owned();
    assert_eq!(reply.status, 200, "{params}: {body}");
    body
}

/// The text of the first `<tag>` element of `xml`.
fn xml_text(xml: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let start = xml
        .find(&open)
        .unwrap_or_else(|| panic!("no <{tag}> in {xml}"))
        + open.len();
    let end = xml[start..].find('<').expect("a closing tag") + start;
    xml[start..end].to_owned()
}

#[tokio::test]
async fn rules_changed_through_the_ec2_api_are_what_tasks_launched_afterwards_admit() {
    if !docker_available() {
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
    let vpc = "vpc-0000000000000b347";
    let cidr = free_cidr().replace('/', "%2F");
    let subnet = xml_text(
        &ec2(
            &cluster,
            &format!("Action=CreateSubnet&VpcId={vpc}&CidrBlock={cidr}"),
        )
        .await,
        "subnetId",
    );
    let group = xml_text(
        &ec2(
            &cluster,
            "Action=CreateSecurityGroup&GroupName=web&GroupDescription=web+tier",
        )
        .await,
        "groupId",
    );
    let rule = |action: &str, port: u16| {
        format!(
            "Action={action}&GroupId={group}&IpProtocol=tcp&FromPort={port}&ToPort={port}&CidrIp=0.0.0.0%2F0"
        )
    };
    ec2(&cluster, &rule("AuthorizeSecurityGroupIngress", 80)).await;

    let client = &cluster.client;
    client
        .register_task_definition()
        .family("ec2-web")
        .network_mode(NetworkMode::Awsvpc)
        .container_definitions(
            shell_container(
                "main",
                32,
                "mkdir -p /w && echo hello-from-web > /w/index.html && httpd -p 8080 -h /w && exec httpd -f -p 80 -h /w",
            )
            .build(),
        )
        .send()
        .await
        .expect("registering ec2-web");
    client
        .register_task_definition()
        .family("ec2-client")
        .network_mode(NetworkMode::Awsvpc)
        .container_definitions(shell_container("main", 16, "exec sleep 3600").build())
        .send()
        .await
        .expect("registering ec2-client");
    let run = |family: &'static str, groups: Vec<String>| {
        let subnet = subnet.clone();
        let (cleanup, cluster) = (&cleanup, &cluster);
        async move {
            let groups: Vec<&str> = groups.iter().map(String::as_str).collect();
            let out = client
                .run_task()
                .task_definition(family)
                .network_configuration(awsvpc(&subnet, &groups))
                .send()
                .await
                .unwrap_or_else(|e| panic!("running {family}: {e:?}"));
            assert!(out.failures().is_empty(), "{:?}", out.failures());
            let arn = out.tasks()[0].task_arn().expect("arn").to_owned();
            cleanup.track(&arn);
            let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
            let container = task.containers()[0]
                .runtime_id()
                .expect("runtime id")
                .to_owned();
            (arn, detail(&task, "privateIPv4Address"), container)
        }
    };
    let (client_arn, _, client_container) = run("ec2-client", Vec::new()).await;
    let (first_arn, first, _) = run("ec2-web", vec![group.clone()]).await;
    let reach = |address: &str, port: u16| fetch(None, &client_container, address, port);
    let (ok, body) = wait_for(
        "the client to reach the first web task on 80",
        TIMEOUT,
        || {
            let (ok, body) = reach(&first, 80);
            async move { ok.then_some((ok, body)) }
        },
    )
    .await;
    assert!(ok && body.contains("hello-from-web"), "{body}");
    let (ok, body) = reach(&first, 8080);
    assert!(!ok, "8080 is not in the group but answered: {body}");

    // Now the group admits 8080 and not 80: a task launched afterwards gets that.
    ec2(&cluster, &rule("RevokeSecurityGroupIngress", 80)).await;
    ec2(&cluster, &rule("AuthorizeSecurityGroupIngress", 8080)).await;
    let (second_arn, second, _) = run("ec2-web", vec![group.clone()]).await;
    let (ok, body) = wait_for(
        "the client to reach the second web task on 8080",
        TIMEOUT,
        || {
            let (ok, body) = reach(&second, 8080);
            async move { ok.then_some((ok, body)) }
        },
    )
    .await;
    assert!(ok && body.contains("hello-from-web"), "{body}");
    let (ok, body) = reach(&second, 80);
    assert!(!ok, "80 was revoked but answered: {body}");
    // The running task keeps the rules it was placed with (docs/ec2.md).
    let (ok, body) = reach(&first, 80);
    assert!(ok, "the first task stopped admitting 80: {body}");

    for arn in [&first_arn, &second_arn, &client_arn] {
        client.stop_task().task(arn).send().await.expect("StopTask");
    }
    for arn in [&first_arn, &second_arn, &client_arn] {
        cluster.wait_for_task_status(arn, "STOPPED", TIMEOUT).await;
    }
    drop(cleanup);
    for instance in &instances {
        remove_networks(None, instance);
    }
}
