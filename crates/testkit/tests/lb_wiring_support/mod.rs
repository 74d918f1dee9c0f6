//! Shared by the `lb_wiring*` tests: web containers on the test image (busybox httpd
//! answering `/` with its container's host name and `/health` while the file exists), an
//! ELBv2 client, a load balancer with one HTTP listener and an `instance` target group, and
//! waits on what DescribeTargetHealth and DescribeLoadBalancers show.

#![allow(dead_code)]

use std::time::Duration;

use aws_sdk_ecs::types::{PortMapping, TransportProtocol};
use aws_sdk_elasticloadbalancingv2 as elbv2;
use berth_testkit::fixtures::{register, run_one, runtime_id};
use berth_testkit::{wait_for, TestCluster};
use elbv2::types::{
    Action, ActionTypeEnum, LoadBalancerSchemeEnum, LoadBalancerStateEnum, ProtocolEnum,
    TargetDescription, TargetGroupAttribute, TargetHealthStateEnum, TargetTypeEnum,
};

pub const TIMEOUT: Duration = Duration::from_secs(30);

/// An ELBv2 client signed with the server's administrator key.
pub fn elbv2_client(endpoint: &str, region: &str, key: &str, secret: &str) -> elbv2::Client {
    let credentials = aws_credential_types::Credentials::new(key, secret, None, None, "berth-test");
    let config = elbv2::Config::builder()
        .behavior_version(elbv2::config::BehaviorVersion::latest())
        .region(elbv2::config::Region::new(region.to_owned()))
        .credentials_provider(credentials)
        .endpoint_url(endpoint)
        .build();
    elbv2::Client::from_conf(config)
}

pub fn client(cluster: &TestCluster) -> elbv2::Client {
    let own = &cluster.server.credentials;
    elbv2_client(
        &cluster.endpoint(),
        &cluster.server.app.config.scope.region,
        &own.access_key_id,
        &own.secret_access_key,
    )
}

/// A running web container: its task, Docker container ID and IPv4 host port.
pub struct Web {
    pub task_arn: String,
    pub container: String,
    pub host_port: u16,
}

/// Registers the web task definition and runs `n` tasks of it.
pub async fn run_webs(cluster: &TestCluster, n: usize) -> Vec<Web> {
    let web = berth_testkit::fixtures::shell_container(
        "web",
        16,
        "mkdir -p /www && hostname > /www/index.html && echo ok > /www/health && exec httpd -f -p 80 -h /www",
    )
    .port_mappings(
        PortMapping::builder()
            .container_port(80)
            .host_port(0)
            .protocol(TransportProtocol::Tcp)
            .build(),
    )
    .build();
    let def = register(&cluster.client, "lb-web", vec![web]).await;
    let mut arns = Vec::new();
    for _ in 0..n {
        arns.push(
            run_one(&cluster.client, &def)
                .await
                .task_arn()
                .expect("a task ARN")
                .to_owned(),
        );
    }
    let mut webs = Vec::new();
    for arn in arns {
        let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
        let container = task
            .containers()
            .iter()
            .find(|c| c.name() == Some("web"))
            .expect("the web container");
        let host_port = container
            .network_bindings()
            .iter()
            .find(|b| b.bind_ip().is_some_and(|ip| !ip.contains(':')))
            .and_then(|b| b.host_port())
            .expect("an IPv4 host port");
        webs.push(Web {
            container: runtime_id(&task, "web"),
            task_arn: arn,
            host_port: u16::try_from(host_port).expect("a port"),
        });
    }
    webs
}

/// The `ec2InstanceId` of the cluster's one container instance: what instance targets
/// are named by.
pub async fn instance_id(cluster: &TestCluster) -> String {
    let arns = cluster.wait_for_instances(1).await;
    let described = berth_testkit::fixtures::describe_instance(&cluster.client, &arns[0]).await;
    described
        .ec2_instance_id()
        .expect("an ec2InstanceId")
        .to_owned()
}

/// A free TCP port on the loopback address.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// The ARNs of a load balancer (internal: it listens on 127.0.0.1), its listener on
/// `port`, and an HTTP target group checked on `/health` every 5 s (2 checks either way)
/// whose targets drain for `drain_seconds`.
pub struct Balancer {
    pub load_balancer: String,
    pub target_group: String,
    pub listener: String,
    pub port: u16,
}

pub async fn balancer(
    elb: &elbv2::Client,
    name: &str,
    port: u16,
    drain_seconds: u32,
    target_type: TargetTypeEnum,
) -> Balancer {
    let lb = elb
        .create_load_balancer()
        .name(name)
        .scheme(LoadBalancerSchemeEnum::Internal)
        .send()
        .await
        .expect("CreateLoadBalancer");
    let load_balancer = lb.load_balancers()[0]
        .load_balancer_arn()
        .expect("an ARN")
        .to_owned();
    let tg = elb
        .create_target_group()
        .name(name)
        .protocol(ProtocolEnum::Http)
        .port(80)
        .target_type(target_type)
        .health_check_path("/health")
        .health_check_interval_seconds(5)
        .health_check_timeout_seconds(2)
        .healthy_threshold_count(2)
        .unhealthy_threshold_count(2)
        .send()
        .await
        .expect("CreateTargetGroup");
    let target_group = tg.target_groups()[0]
        .target_group_arn()
        .expect("an ARN")
        .to_owned();
    elb.modify_target_group_attributes()
        .target_group_arn(&target_group)
        .attributes(
            TargetGroupAttribute::builder()
                .key("deregistration_delay.timeout_seconds")
                .value(drain_seconds.to_string())
                .build(),
        )
        .send()
        .await
        .expect("ModifyTargetGroupAttributes");
    let listener = elb
        .create_listener()
        .load_balancer_arn(&load_balancer)
        .protocol(ProtocolEnum::Http)
        .port(i32::from(port))
        .default_actions(
            Action::builder()
                .r#type(ActionTypeEnum::Forward)
                .target_group_arn(&target_group)
                .build(),
        )
        .send()
        .await
        .expect("CreateListener");
    let listener = listener.listeners()[0]
        .listener_arn()
        .expect("an ARN")
        .to_owned();
    Balancer {
        load_balancer,
        target_group,
        listener,
        port,
    }
}

pub fn target(id: &str, port: u16) -> TargetDescription {
    TargetDescription::builder()
        .id(id)
        .port(i32::from(port))
        .build()
}

/// Waits until DescribeLoadBalancers shows the load balancer `state`.
pub async fn wait_for_state(elb: &elbv2::Client, arn: &str, state: LoadBalancerStateEnum) {
    wait_for(&format!("load balancer {state}"), TIMEOUT, || async {
        let out = elb
            .describe_load_balancers()
            .load_balancer_arns(arn)
            .send()
            .await
            .ok()?;
        let lb = out.load_balancers().first()?;
        (lb.state()?.code() == Some(&state)).then_some(())
    })
    .await
}

/// A target's state and reason code as DescribeTargetHealth shows them (`None` when the
/// target is not listed at all).
pub async fn health_of(
    elb: &elbv2::Client,
    group: &str,
    port: u16,
) -> Option<(TargetHealthStateEnum, Option<String>)> {
    let out = elb
        .describe_target_health()
        .target_group_arn(group)
        .send()
        .await
        .expect("DescribeTargetHealth");
    out.target_health_descriptions()
        .iter()
        .find(|d| d.target().and_then(|t| t.port()) == Some(i32::from(port)))
        .and_then(|d| d.target_health())
        .map(|h| {
            (
                h.state().cloned().expect("a state"),
                h.reason().map(|r| r.as_str().to_owned()),
            )
        })
}

/// Waits until the target on `port` is in `state` (with `reason`, when given).
pub async fn wait_for_health(
    elb: &elbv2::Client,
    group: &str,
    port: u16,
    state: TargetHealthStateEnum,
    reason: Option<&str>,
) {
    wait_for(
        &format!("target :{port} to be {state} ({reason:?})"),
        TIMEOUT,
        || async {
            let (seen, why) = health_of(elb, group, port).await?;
            (seen == state && (reason.is_none() || why.as_deref() == reason)).then_some(())
        },
    )
    .await
}

/// `GET path` through the load balancer on a new connection: status and body.
pub async fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(0)
        .build()
        .ok()?;
    let response = client
        .get(format!("http://127.0.0.1:{port}{path}"))
        .send()
        .await
        .ok()?;
    let status = response.status().as_u16();
    Some((status, response.text().await.ok()?.trim().to_owned()))
}
