//! `berth bench exec`: the time from starting `berth exec` to the first byte of the
//! command's output, against `docker exec` into the same container, interleaved sample by
//! sample, on a real server and Docker agent in this process.

use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use aws_sdk_ecs::types::ContainerDefinition;
use tokio::io::AsyncReadExt;

use crate::bench::{percentile, DockerBench};

/// Runs the benchmark with `samples` of each kind.
pub async fn exec(samples: usize, image: &str) -> anyhow::Result<()> {
    let bench = DockerBench::start().await?;
    let (server, client) = (&bench.server, bench.client.clone());
    client
        .register_task_definition()
        .family("bench-exec")
        .container_definitions(
            ContainerDefinition::builder()
                .name("main")
                .image(image)
                .memory(16)
                .command("sleep")
                .command("3600")
                .build(),
        )
        .send()
        .await
        .context("registering the benchmark task definition")?;
    let deadline = Instant::now() + Duration::from_secs(60);
    let task = loop {
        let out = client
            .run_task()
            .task_definition("bench-exec")
            .enable_execute_command(true)
            .send()
            .await;
        if let Ok(out) = out {
            if let Some(arn) = out.tasks().first().and_then(|t| t.task_arn()) {
                break arn.to_owned();
            }
        }
        if Instant::now() > deadline {
            bail!("the agent did not take a task within 60 s");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let container = loop {
        let described = client.describe_tasks().tasks(&task).send().await?;
        let task = described.tasks().first().context("the task")?;
        let c = &task.containers()[0];
        let ready = c
            .managed_agents()
            .iter()
            .any(|a| a.last_status() == Some("RUNNING"));
        if ready {
            break c.runtime_id().context("a runtime id")?.to_owned();
        }
        if Instant::now() > deadline {
            bail!("the task's exec agent did not run within 60 s");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let berth = std::env::current_exe()?;
    let endpoint = format!("http://{}", server.addr);
    let mut berth_samples = Vec::with_capacity(samples);
    let mut docker_samples = Vec::with_capacity(samples);
    for _ in 0..samples {
        let mut command = tokio::process::Command::new(&berth);
        command
            .args(["exec", "--task", &task, "--", "echo", "x"])
            .env("AWS_ACCESS_KEY_ID", &server.credentials.access_key_id)
            .env(
                "AWS_SECRET_ACCESS_KEY",
                &server.credentials.secret_access_key,
            )
            .env("AWS_REGION", "us-east-1")
            .env("AWS_ENDPOINT_URL_ECS", &endpoint)
            .env("BERTH_LOG", "warn");
        berth_samples.push(first_byte(command).await.context("berth exec")?);
        let mut command = tokio::process::Command::new("docker");
        command.args(["exec", &container, "echo", "x"]);
        docker_samples.push(first_byte(command).await.context("docker exec")?);
    }
    client.stop_task().task(&task).send().await?;
    bench.stop().await?;
    berth_samples.sort();
    docker_samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (b50, b99) = (
        percentile(&berth_samples, 50.0),
        percentile(&berth_samples, 99.0),
    );
    let (d50, d99) = (
        percentile(&docker_samples, 50.0),
        percentile(&docker_samples, 99.0),
    );
    println!("exec: process start to the first byte of output, {samples} samples each, interleaved, image {image}");
    println!(
        "  berth exec   : p50 {:7.1} ms   p99 {:7.1} ms",
        ms(b50),
        ms(b99)
    );
    println!(
        "  docker exec  : p50 {:7.1} ms   p99 {:7.1} ms",
        ms(d50),
        ms(d99)
    );
    println!(
        "  ratio berth/docker: p50 {:.2}x   p99 {:.2}x   (p50 difference {:+.1} ms)",
        ms(b50) / ms(d50).max(0.001),
        ms(b99) / ms(d99).max(0.001),
        ms(b50) - ms(d50)
    );
    Ok(())
}

/// Starts `command` and returns how long it took to print its first byte; the command
/// must then exit 0.
async fn first_byte(mut command: tokio::process::Command) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().context("stdout")?;
    let mut byte = [0u8; 1];
    let n = stdout.read(&mut byte).await?;
    let elapsed = started.elapsed();
    let output = child.wait_with_output().await?;
    if n == 0 || !output.status.success() {
        bail!(
            "exited {:?} without output: {}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(elapsed)
}
