//! The user session of the stock aws CLI against a real server, with both CLIs berth
//! supports: v1 (PyPI's `aws` on PATH) and v2 (Debian's `/usr/bin/aws`):
//! `aws ssm put-parameter --type SecureString`, `get-parameter [--with-decryption]`,
//! `aws secretsmanager create-secret` and `get-secret-value`, and an SSM error as the CLI
//! shows it.

use std::process::{Command, Output};

use berth_testkit::TestCluster;

/// The CLIs to run: v1 must be on PATH; v2 is required where tests must not skip (CI).
fn clis() -> Vec<(&'static str, &'static str)> {
    let mut clis = vec![("v1", "aws")];
    if std::path::Path::new("/usr/bin/aws").exists() {
        clis.push(("v2", "/usr/bin/aws"));
    } else if std::env::var_os("BERTH_REQUIRE_DOCKER").is_some() {
        panic!(
            "/usr/bin/aws (Debian's awscli, v2) is missing; scripts/install-deps.sh installs it"
        );
    } else {
        eprintln!("skipping the aws CLI v2: /usr/bin/aws is missing");
    }
    clis
}

fn run(cli: &str, cluster: &TestCluster, args: &[&str]) -> Output {
    let credentials = &cluster.server.credentials;
    Command::new(cli)
        .args(["--endpoint-url", &cluster.endpoint(), "--output", "json"])
        .args(args)
        .env("AWS_ACCESS_KEY_ID", &credentials.access_key_id)
        .env("AWS_SECRET_ACCESS_KEY", &credentials.secret_access_key)
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .env("AWS_PAGER", "")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_SESSION_TOKEN")
        .output()
        .unwrap_or_else(|e| panic!("running {cli}: {e}"))
}

fn json(cli: &str, cluster: &TestCluster, args: &[&str]) -> serde_json::Value {
    let out = run(cli, cluster, args);
    assert!(
        out.status.success(),
        "{cli} {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{cli} {} printed no JSON ({e}): {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_aws_cli_stores_and_reads_parameters_and_secrets() {
    let cluster = TestCluster::start().await;
    for (version, cli) in clis() {
        let parameter = format!("/cli/{version}/db-password");
        let put = json(
            cli,
            &cluster,
            &[
                "ssm",
                "put-parameter",
                "--name",
                &parameter,
                "--value",
                "cli-s3cret",
                "--type",
                "SecureString",
            ],
        );
        assert_eq!(put["Version"], 1, "{version}: {put}");
        let sealed = json(
            cli,
            &cluster,
            &["ssm", "get-parameter", "--name", &parameter],
        );
        let shown = sealed["Parameter"]["Value"].as_str().unwrap_or_default();
        assert!(
            !shown.is_empty() && !shown.contains("cli-s3cret"),
            "{version}: {sealed}"
        );
        let clear = json(
            cli,
            &cluster,
            &[
                "ssm",
                "get-parameter",
                "--name",
                &parameter,
                "--with-decryption",
            ],
        );
        assert_eq!(clear["Parameter"]["Value"], "cli-s3cret", "{version}");
        assert_eq!(clear["Parameter"]["Type"], "SecureString", "{version}");

        let name = format!("cli-{version}/api");
        let created = json(
            cli,
            &cluster,
            &[
                "secretsmanager",
                "create-secret",
                "--name",
                &name,
                "--secret-string",
                r#"{"token":"cli-t0ken"}"#,
            ],
        );
        let arn = created["ARN"].as_str().expect("an ARN").to_owned();
        assert!(
            arn.starts_with(&format!(
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:{name}-"
            )),
            "{version}: {created}"
        );
        for id in [name.as_str(), arn.as_str()] {
            let value = json(
                cli,
                &cluster,
                &["secretsmanager", "get-secret-value", "--secret-id", id],
            );
            assert_eq!(
                value["SecretString"], r#"{"token":"cli-t0ken"}"#,
                "{version}"
            );
            assert_eq!(value["VersionStages"][0], "AWSCURRENT", "{version}");
        }

        let missing = run(
            cli,
            &cluster,
            &["ssm", "get-parameter", "--name", "/cli/missing"],
        );
        assert!(!missing.status.success(), "{version}");
        let stderr = String::from_utf8_lossy(&missing.stderr);
        assert!(stderr.contains("ParameterNotFound"), "{version}: {stderr}");
    }
}
