//! The EC2 API (subnets and security groups for awsvpc) through the stock aws CLI (v1 on
//! PATH, botocore's EC2 serializer and parser, endpoint from `AWS_ENDPOINT_URL_EC2` as
//! `DIR/env` exports it) and raw signed requests, with an agent over the fake runtime (the
//! addresses are the control plane's; `docker_awsvpc.rs` proves containers get them):
//!
//! - every action and its EC2 errors (`InvalidSubnet.Conflict`, `InvalidVpcID.NotFound`,
//!   `InvalidSubnetID.NotFound`, `InvalidGroup.Duplicate`, `InvalidGroup.NotFound`,
//!   `InvalidPermission.Duplicate`, `InvalidPermission.NotFound`, `DependencyViolation`,
//!   `CannotDelete`, unsupported parameters named), each refusal changing nothing;
//! - a rule authorized through the API is what a task launched afterwards gets, and a
//!   subnet and group that a task holds cannot be deleted until the task is STOPPED and
//!   its address freed;
//! - EC2's wire: `<Response><Errors>` errors, `DryRun`, unknown parameters, and
//!   authorization through IAM (`ec2:*` actions; `UnauthorizedOperation`).

mod api_support;
mod iam_support;

use std::process::Output;
use std::time::Duration;

use api_support::{admin_signer, post_signed, Signer};
use aws_sdk_ecs::types::{AwsVpcConfiguration, NetworkConfiguration, NetworkMode};
use berth_testkit::fixtures::shell_container;
use berth_testkit::{wait_for, AgentKind, Options, TestCluster};
use serde_json::Value;

const TIMEOUT: Duration = Duration::from_secs(30);
const VPC: &str = "vpc-0000000000000b347";
const V: &str = "Version=2016-11-15";

async fn fake_cluster() -> TestCluster {
    TestCluster::with(Options {
        agent: AgentKind::Fake,
        ..Options::default()
    })
    .await
}

/// `CreateSubnet` → `create-subnet`, the CLI's command name.
fn command(action: &str) -> String {
    let mut out = String::new();
    for (i, c) in action.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Runs `aws ec2 <action> ARGS…` against the cluster, isolated from `~/.aws`.
async fn aws(cluster: &TestCluster, action: &str, args: &[&str]) -> Output {
    api_support::aws_cli(cluster, "aws")
        .arg("ec2")
        .arg(command(action))
        .args(args)
        .args(["--output", "json"])
        .env("AWS_ENDPOINT_URL_EC2", cluster.endpoint())
        .output()
        .await
        .expect("running aws")
}

/// An `aws ec2` call that must succeed; its JSON output (`Null` when it prints none).
async fn ok(cluster: &TestCluster, action: &str, args: &[&str]) -> Value {
    let output = aws(cluster, action, args).await;
    assert!(
        output.status.success(),
        "aws ec2 {action} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    if output.stdout.iter().all(u8::is_ascii_whitespace) {
        return Value::Null;
    }
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "aws ec2 {action} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// An `aws ec2` call that must fail with `code`; its error message.
async fn fails(cluster: &TestCluster, action: &str, args: &[&str], code: &str) -> String {
    let output = aws(cluster, action, args).await;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !output.status.success(),
        "aws ec2 {action} {args:?} succeeded, expected {code}"
    );
    assert!(
        stderr.contains(&format!("({code})")),
        "aws ec2 {action} {args:?}: expected {code}, got: {stderr}"
    );
    stderr
}

fn subnet_ids(cluster: &TestCluster) -> Vec<String> {
    let mut ids: Vec<String> = cluster
        .server
        .app
        .subnets()
        .into_iter()
        .map(|s| s.id)
        .collect();
    ids.sort();
    ids
}

async fn available_addresses(cluster: &TestCluster, subnet: &str) -> i64 {
    let out = ok(cluster, "DescribeSubnets", &["--subnet-ids", subnet]).await;
    out["Subnets"][0]["AvailableIpAddressCount"]
        .as_i64()
        .expect("AvailableIpAddressCount")
}

#[tokio::test]
async fn subnets_and_security_groups_through_the_aws_cli() {
    let cluster = fake_cluster().await;
    let app = &cluster.server.app;

    // The default group is there, in berth's one VPC, admitting everything.
    let groups = ok(
        &cluster,
        "DescribeSecurityGroups",
        &["--group-names", "default"],
    )
    .await;
    let default = &groups["SecurityGroups"][0];
    assert_eq!(default["VpcId"], VPC, "{groups}");
    assert_eq!(default["IpPermissions"][0]["IpProtocol"], "-1", "{groups}");
    assert_eq!(
        default["IpPermissionsEgress"][0]["IpRanges"][0]["CidrIp"],
        "0.0.0.0/0"
    );

    // Subnets.
    let created = ok(
        &cluster,
        "CreateSubnet",
        &["--vpc-id", VPC, "--cidr-block", "10.91.0.0/16"],
    )
    .await;
    let subnet = created["Subnet"]["SubnetId"]
        .as_str()
        .expect("SubnetId")
        .to_owned();
    assert_eq!(created["Subnet"]["CidrBlock"], "10.91.0.0/16");
    assert_eq!(created["Subnet"]["State"], "available");
    assert_eq!(created["Subnet"]["VpcId"], VPC);
    // 256 host slices of a /24, each without its network, gateway and broadcast.
    assert_eq!(created["Subnet"]["AvailableIpAddressCount"], 256 * 253);
    let before = subnet_ids(&cluster);
    for (args, code, names) in [
        (
            vec!["--vpc-id", VPC, "--cidr-block", "10.91.8.0/24"],
            "InvalidSubnet.Conflict",
            "10.91.8.0/24",
        ),
        (
            vec!["--vpc-id", "vpc-12345678", "--cidr-block", "10.92.0.0/16"],
            "InvalidVpcID.NotFound",
            "vpc-12345678",
        ),
        (
            vec!["--vpc-id", VPC, "--cidr-block", "10.92.0.1/16"],
            "InvalidSubnet.Range",
            "host bits",
        ),
        (
            vec![
                "--vpc-id",
                VPC,
                "--cidr-block",
                "10.92.0.0/16",
                "--availability-zone",
                "us-east-1a",
            ],
            "InvalidParameterValue",
            "AvailabilityZone",
        ),
        (vec!["--vpc-id", VPC], "MissingParameter", "CidrBlock"),
    ] {
        let message = fails(&cluster, "CreateSubnet", &args, code).await;
        assert!(message.contains(names), "{args:?}: {message}");
    }
    assert_eq!(
        subnet_ids(&cluster),
        before,
        "a refused CreateSubnet made a subnet"
    );
    let found = ok(
        &cluster,
        "DescribeSubnets",
        &[
            "--filters",
            "Name=cidr-block,Values=10.91.*",
            "Name=vpc-id,Values=vpc-*",
        ],
    )
    .await;
    let found: Vec<&str> = found["Subnets"]
        .as_array()
        .expect("Subnets")
        .iter()
        .filter_map(|s| s["SubnetId"].as_str())
        .collect();
    assert_eq!(found, vec![subnet.as_str()]);
    fails(
        &cluster,
        "DescribeSubnets",
        &["--subnet-ids", "subnet-0123456789abcdef0"],
        "InvalidSubnetID.NotFound",
    )
    .await;
    let message = fails(
        &cluster,
        "DescribeSubnets",
        &["--filters", "Name=availability-zone,Values=x"],
        "InvalidParameterValue",
    )
    .await;
    assert!(message.contains("availability-zone"), "{message}");

    // Security groups and their rules.
    let created = ok(
        &cluster,
        "CreateSecurityGroup",
        &[
            "--group-name",
            "web",
            "--description",
            "web tier",
            "--vpc-id",
            VPC,
        ],
    )
    .await;
    let group = created["GroupId"].as_str().expect("GroupId").to_owned();
    fails(
        &cluster,
        "CreateSecurityGroup",
        &["--group-name", "web", "--description", "again"],
        "InvalidGroup.Duplicate",
    )
    .await;
    ok(
        &cluster,
        "AuthorizeSecurityGroupIngress",
        &[
            "--group-id",
            &group,
            "--protocol",
            "tcp",
            "--port",
            "8080",
            "--cidr",
            "10.0.0.0/8",
        ],
    )
    .await;
    ok(
        &cluster,
        "AuthorizeSecurityGroupIngress",
        &[
            "--group-name",
            "web",
            "--ip-permissions",
            "IpProtocol=udp,FromPort=53,ToPort=53,IpRanges=[{CidrIp=192.168.0.0/16}]",
        ],
    )
    .await;
    fails(
        &cluster,
        "AuthorizeSecurityGroupIngress",
        &[
            "--group-id",
            &group,
            "--protocol",
            "tcp",
            "--port",
            "8080",
            "--cidr",
            "10.0.0.0/8",
        ],
        "InvalidPermission.Duplicate",
    )
    .await;
    let message = fails(
        &cluster,
        "AuthorizeSecurityGroupIngress",
        &[
            "--group-id",
            &group,
            "--ip-permissions",
            "IpProtocol=tcp,FromPort=80,ToPort=80,UserIdGroupPairs=[{GroupId=sg-12345678}]",
        ],
        "InvalidParameterValue",
    )
    .await;
    assert!(message.contains("IpPermissions.1.Groups"), "{message}");
    fails(
        &cluster,
        "AuthorizeSecurityGroupIngress",
        &[
            "--group-id",
            "sg-0123456789abcdef0",
            "--protocol",
            "-1",
            "--cidr",
            "0.0.0.0/0",
        ],
        "InvalidGroup.NotFound",
    )
    .await;
    let described = ok(&cluster, "DescribeSecurityGroups", &["--group-ids", &group]).await;
    let permissions = described["SecurityGroups"][0]["IpPermissions"]
        .as_array()
        .expect("IpPermissions")
        .clone();
    assert_eq!(permissions.len(), 2, "{described}");
    let tcp = permissions
        .iter()
        .find(|p| p["IpProtocol"] == "tcp")
        .expect("the tcp rule");
    assert_eq!(
        (tcp["FromPort"].as_i64(), tcp["ToPort"].as_i64()),
        (Some(8080), Some(8080))
    );
    assert_eq!(tcp["IpRanges"][0]["CidrIp"], "10.0.0.0/8");
    ok(
        &cluster,
        "RevokeSecurityGroupIngress",
        &[
            "--group-id",
            &group,
            "--protocol",
            "udp",
            "--port",
            "53",
            "--cidr",
            "192.168.0.0/16",
        ],
    )
    .await;
    fails(
        &cluster,
        "RevokeSecurityGroupIngress",
        &[
            "--group-id",
            &group,
            "--protocol",
            "udp",
            "--port",
            "53",
            "--cidr",
            "192.168.0.0/16",
        ],
        "InvalidPermission.NotFound",
    )
    .await;

    // A task launched now gets the group's rules, and holds the subnet and the group.
    cluster
        .client
        .register_task_definition()
        .family("vpc")
        .network_mode(NetworkMode::Awsvpc)
        .container_definitions(shell_container("main", 16, "sleep 3600").build())
        .send()
        .await
        .expect("RegisterTaskDefinition");
    let run = cluster
        .client
        .run_task()
        .task_definition("vpc")
        .network_configuration(
            NetworkConfiguration::builder()
                .awsvpc_configuration(
                    AwsVpcConfiguration::builder()
                        .subnets(&subnet)
                        .security_groups(&group)
                        .build()
                        .expect("awsvpc configuration"),
                )
                .build(),
        )
        .send()
        .await
        .expect("RunTask");
    assert_eq!(run.tasks().len(), 1, "{run:?}");
    let task_arn = run.tasks()[0].task_arn().expect("a task ARN").to_owned();
    let task_id = task_arn.rsplit('/').next().expect("a task ID").to_owned();
    let network = app
        .view
        .read()
        .tasks
        .get(&task_id)
        .and_then(|entry| entry.intent.as_ref()?.network.clone())
        .expect("the task's network");
    assert_eq!(network.security_groups, vec![group.clone()]);
    let ingress: Vec<(String, u16, u16, String)> = network
        .ingress
        .iter()
        .map(|r| (r.protocol.clone(), r.from_port, r.to_port, r.cidr.clone()))
        .collect();
    assert_eq!(
        ingress,
        vec![("tcp".into(), 8080, 8080, "10.0.0.0/8".into())]
    );
    assert_eq!(available_addresses(&cluster, &subnet).await, 256 * 253 - 1);
    fails(
        &cluster,
        "DeleteSubnet",
        &["--subnet-id", &subnet],
        "DependencyViolation",
    )
    .await;
    fails(
        &cluster,
        "DeleteSecurityGroup",
        &["--group-id", &group],
        "DependencyViolation",
    )
    .await;
    assert!(subnet_ids(&cluster).contains(&subnet));

    // Once the task is STOPPED and its address freed, both can go.
    cluster
        .client
        .stop_task()
        .task(&task_arn)
        .send()
        .await
        .expect("StopTask");
    wait_for("the task's address to be freed", TIMEOUT, || async {
        (available_addresses(&cluster, &subnet).await == 256 * 253).then_some(())
    })
    .await;
    // An address is freed only once its task is STOPPED.
    ok(&cluster, "DeleteSecurityGroup", &["--group-id", &group]).await;
    ok(&cluster, "DeleteSubnet", &["--subnet-id", &subnet]).await;
    fails(
        &cluster,
        "DescribeSubnets",
        &["--subnet-ids", &subnet],
        "InvalidSubnetID.NotFound",
    )
    .await;
    fails(
        &cluster,
        "DeleteSubnet",
        &["--subnet-id", &subnet],
        "InvalidSubnetID.NotFound",
    )
    .await;
    fails(
        &cluster,
        "DescribeSecurityGroups",
        &["--group-ids", &group],
        "InvalidGroup.NotFound",
    )
    .await;
    fails(
        &cluster,
        "DeleteSecurityGroup",
        &["--group-name", "default"],
        "CannotDelete",
    )
    .await;
    assert!(app.security_groups().iter().any(|g| g.name == "default"));
}

/// POSTs an EC2 Query body signed by `signer`.
async fn call(cluster: &TestCluster, body: &str, signer: Signer) -> (u16, String) {
    let reply = post_signed(
        cluster,
        "ec2",
        &[(
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        )],
        body.as_bytes().to_vec(),
        Some(signer),
    )
    .await;
    (
        reply.status,
        String::from_utf8_lossy(&reply.body).into_owned(),
    )
}

#[tokio::test]
async fn raw_ec2_requests_are_checked_and_authorized() {
    let cluster = fake_cluster().await;
    let admin = admin_signer(&cluster);
    let before = subnet_ids(&cluster);

    // An answer carries the members without a result wrapper, and the request ID.
    let (status, body) = call(
        &cluster,
        &format!("Action=DescribeSecurityGroups&{V}"),
        admin.clone(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.starts_with("<DescribeSecurityGroupsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>"),
        "{body}"
    );
    assert!(body.contains("<securityGroupInfo><item>"), "{body}");

    for (request, status, code) in [
        (
            format!("Action=CreateSubnet&{V}&VpcId={VPC}&CidrBlock=10.93.0.0/16&DryRun=true"),
            412,
            "DryRunOperation",
        ),
        (
            format!("Action=CreateSubnet&{V}&VpcId={VPC}&CidrBlock=10.93.0.0/16&Colour=blue"),
            400,
            "UnknownParameter",
        ),
        (
            format!("Action=CreateSubnet&{V}&CidrBlock=10.93.0.0/16"),
            400,
            "MissingParameter",
        ),
        (
            format!("Action=DescribeSubnets&{V}&MaxResults=2"),
            400,
            "InvalidParameterValue",
        ),
        (format!("Action=RunInstances&{V}"), 400, "InvalidAction"),
        (
            format!("Action=AuthorizeSecurityGroupIngress&{V}&GroupName=default&SourceSecurityGroupName=default"),
            400,
            "InvalidParameterValue",
        ),
        (
            format!("Action=DeleteSubnet&{V}&SubnetId=subnet-x"),
            400,
            "InvalidSubnetID.Malformed",
        ),
    ] {
        let (got, body) = call(&cluster, &request, admin.clone()).await;
        assert_eq!(got, status, "{request}: {body}");
        assert!(
            body.starts_with("<Response><Errors><Error><Code>")
                && body.contains(&format!("<Code>{code}</Code>")),
            "{request}: {body}"
        );
        assert!(body.contains("<RequestID>"), "{body}");
    }
    assert_eq!(
        subnet_ids(&cluster),
        before,
        "a refused request made a subnet"
    );

    // IAM: a user allowed only to describe.
    let credentials = iam_support::user_with_policy(
        &cluster,
        "reader",
        Some(&iam_support::allow(r#""ec2:Describe*""#, r#""*""#)),
    )
    .await;
    let reader: Signer = (
        credentials.access_key_id().to_owned(),
        credentials.secret_access_key().to_owned(),
        None,
    );
    let (status, body) = call(
        &cluster,
        &format!("Action=DescribeSubnets&{V}"),
        reader.clone(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(
        &cluster,
        &format!("Action=CreateSubnet&{V}&VpcId={VPC}&CidrBlock=10.94.0.0/16"),
        reader.clone(),
    )
    .await;
    assert_eq!(status, 403, "{body}");
    assert!(
        body.contains("<Code>UnauthorizedOperation</Code>") && body.contains("ec2:CreateSubnet"),
        "{body}"
    );
    let (status, body) = call(
        &cluster,
        &format!("Action=CreateSecurityGroup&{V}&GroupName=x&GroupDescription=x"),
        reader,
    )
    .await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(
        subnet_ids(&cluster),
        before,
        "a refused request made a subnet"
    );
    assert!(!cluster
        .server
        .app
        .security_groups()
        .iter()
        .any(|g| g.name == "x"));
}
