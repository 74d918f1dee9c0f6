//! `berth bench logs`: awslogs shipping against Docker in the same run.
//!
//! - **Ingestion**: one container writes `--lines` lines to stdout as fast as it can; the
//!   time from its start until the last line is visible through FilterLogEvents gives
//!   berth's lines/s (every line is then counted through FilterLogEvents), against
//!   `docker logs` reading the same container's lines, plain and as the agent reads them
//!   (`--follow --timestamps`, which Docker 20.10 serves at about half the speed). The
//!   delay of each line (its CloudWatch ingestion time minus Docker's timestamp) is
//!   summarised too.
//! - **Delay at a steady rate**: a container writes a line every 5 ms; a reader follows
//!   the stream with GetLogEvents and notes when each line first shows: p50 and p99 of
//!   write-to-visible.
//! - **RunTask→RUNNING**: a plain task against the same task with awslogs (whose stream is
//!   opened before the container starts), interleaved: the extra milliseconds.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context};
use aws_sdk_ecs::types::{ContainerDefinition, LogConfiguration, LogDriver};

use crate::bench::{bench_credentials, docker, percentile, DockerBench};

/// A line written after every other: when it is visible, all are.
const LAST_LINE: &str = "END-OF-FLOOD";

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn logs_client(bench: &DockerBench) -> aws_sdk_cloudwatchlogs::Client {
    let server = &bench.server;
    let config = aws_sdk_cloudwatchlogs::Config::builder()
        .behavior_version(aws_sdk_cloudwatchlogs::config::BehaviorVersion::latest())
        .region(aws_sdk_cloudwatchlogs::config::Region::new(
            server.app.config.scope.region.clone(),
        ))
        .credentials_provider(bench_credentials(server))
        .endpoint_url(format!("http://{}", server.addr))
        .build();
    aws_sdk_cloudwatchlogs::Client::from_conf(config)
}

fn awslogs(group: &str) -> anyhow::Result<LogConfiguration> {
    Ok(LogConfiguration::builder()
        .log_driver(LogDriver::Awslogs)
        .options("awslogs-group", group)
        .options("awslogs-region", "us-east-1")
        .options("awslogs-stream-prefix", "bench")
        .options("awslogs-create-group", "true")
        .build()?)
}

async fn register(
    bench: &DockerBench,
    family: &str,
    image: &str,
    script: &str,
    log: Option<LogConfiguration>,
) -> anyhow::Result<()> {
    bench
        .client
        .register_task_definition()
        .family(family)
        .container_definitions(
            ContainerDefinition::builder()
                .name("main")
                .image(image)
                .memory(64)
                .stop_timeout(2)
                .command("sh")
                .command("-c")
                .command(script)
                .set_log_configuration(log)
                .build(),
        )
        .send()
        .await
        .with_context(|| format!("registering {family}"))?;
    Ok(())
}

/// The task's container ID, once it has one.
async fn container_id(bench: &DockerBench, task_arn: &str) -> anyhow::Result<String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let described = bench.client.describe_tasks().tasks(task_arn).send().await?;
        let id = described
            .tasks()
            .first()
            .and_then(|t| t.containers().first())
            .and_then(|c| c.runtime_id())
            .map(str::to_owned);
        if let Some(id) = id {
            return Ok(id);
        }
        if Instant::now() > deadline {
            bail!("task {task_arn} has no container after 60 s");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn docker_time_ms(text: &str) -> anyhow::Result<i64> {
    let time =
        time::OffsetDateTime::parse(text.trim(), &time::format_description::well_known::Rfc3339)
            .with_context(|| format!("reading the Docker time {text:?}"))?;
    Ok((time.unix_timestamp_nanos() / 1_000_000) as i64)
}

fn stream_of(task_arn: &str) -> String {
    format!(
        "bench/main/{}",
        task_arn.rsplit('/').next().unwrap_or_default()
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub async fn logs(lines: usize, samples: usize, image: &str) -> anyhow::Result<()> {
    let bench = DockerBench::start().await?;
    let logs = logs_client(&bench);
    let result = run(&bench, &logs, lines, samples, image).await;
    bench.stop().await?;
    result
}

async fn run(
    bench: &DockerBench,
    logs: &aws_sdk_cloudwatchlogs::Client,
    lines: usize,
    samples: usize,
    image: &str,
) -> anyhow::Result<()> {
    ingestion(bench, logs, lines, image).await?;
    steady_delay(bench, logs, image).await?;
    run_task_overhead(bench, samples, image).await
}

async fn ingestion(
    bench: &DockerBench,
    logs: &aws_sdk_cloudwatchlogs::Client,
    lines: usize,
    image: &str,
) -> anyhow::Result<()> {
    let group = "/bench/flood";
    register(
        bench,
        "bench-logs-flood",
        image,
        &format!("seq 1 {lines}; echo {LAST_LINE}"),
        Some(awslogs(group)?),
    )
    .await?;
    let (task_arn, _) = bench.run_until_running("bench-logs-flood", None).await?;
    let id = container_id(bench, &task_arn).await?;
    let stream = stream_of(&task_arn);
    let deadline = Instant::now() + Duration::from_secs(600);
    let visible_ms = loop {
        let found = logs
            .filter_log_events()
            .log_group_name(group)
            .log_stream_names(&stream)
            .filter_pattern(LAST_LINE)
            .send()
            .await;
        if found.is_ok_and(|f| !f.events().is_empty()) {
            break now_ms();
        }
        if Instant::now() > deadline {
            bail!("the last line was not visible within 10 minutes");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let started_ms =
        docker_time_ms(&docker(&["inspect", "-f", "{{.State.StartedAt}}", &id]).await?)?;
    let finished_ms =
        docker_time_ms(&docker(&["inspect", "-f", "{{.State.FinishedAt}}", &id]).await?)?;

    // Count every line through FilterLogEvents, and each line's ingestion delay.
    let mut count = 0usize;
    let mut delays: Vec<Duration> = Vec::with_capacity(lines + 1);
    let mut token = None;
    loop {
        let page = logs
            .filter_log_events()
            .log_group_name(group)
            .log_stream_names(&stream)
            .set_next_token(token)
            .send()
            .await?;
        for event in page.events() {
            count += 1;
            let delay = event.ingestion_time().unwrap_or(0) - event.timestamp().unwrap_or(0);
            delays.push(Duration::from_millis(delay.max(0) as u64));
        }
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    if count != lines + 1 {
        bail!(
            "FilterLogEvents counts {count} lines; the container wrote {}",
            lines + 1
        );
    }

    // Baseline: Docker reading the same lines back.
    let started = Instant::now();
    let output = tokio::process::Command::new("docker")
        .args(["logs", &id])
        .output()
        .await?;
    let docker_elapsed = started.elapsed();
    let docker_lines = output.stdout.iter().filter(|b| **b == b'\n').count();
    if docker_lines != lines + 1 {
        bail!(
            "docker logs returned {docker_lines} lines, not {}",
            lines + 1
        );
    }

    // And Docker reading them as the agent does: followed, with timestamps (the read ends
    // at once, the container having stopped).
    let started = Instant::now();
    let output = tokio::process::Command::new("docker")
        .args(["logs", "--follow", "--timestamps", &id])
        .output()
        .await?;
    let followed_elapsed = started.elapsed();
    let followed_lines = output.stdout.iter().filter(|b| **b == b'\n').count();
    if followed_lines != lines + 1 {
        bail!(
            "docker logs --follow --timestamps returned {followed_lines} lines, not {}",
            lines + 1
        );
    }

    let berth_secs = (visible_ms - started_ms).max(1) as f64 / 1000.0;
    let berth_rate = count as f64 / berth_secs;
    let docker_rate = docker_lines as f64 / docker_elapsed.as_secs_f64().max(0.000_001);
    let followed_rate = followed_lines as f64 / followed_elapsed.as_secs_f64().max(0.000_001);
    let write_secs = (finished_ms - started_ms).max(1) as f64 / 1000.0;
    delays.sort();
    println!("awslogs ingestion: {count} lines from one container's stdout, image {image}");
    println!(
        "  container wrote them in      : {write_secs:8.2} s ({:.0} lines/s)",
        count as f64 / write_secs
    );
    println!(
        "  berth, start→all in Filter   : {berth_secs:8.2} s ({berth_rate:.0} lines/s; target ≥ 50,000)"
    );
    println!(
        "  docker logs, same lines      : {:8.2} s ({docker_rate:.0} lines/s)",
        docker_elapsed.as_secs_f64()
    );
    println!(
        "  docker logs -f -t, same lines: {:8.2} s ({followed_rate:.0} lines/s; how the agent reads)",
        followed_elapsed.as_secs_f64()
    );
    println!(
        "  ratio berth/docker logs      : {:.2}x   (berth/docker logs -f -t: {:.2}x)",
        berth_rate / docker_rate.max(0.001),
        berth_rate / followed_rate.max(0.001)
    );
    println!(
        "  ingestion delay under load   : p50 {:.0} ms   p99 {:.0} ms   max {:.0} ms",
        ms(percentile(&delays, 50.0)),
        ms(percentile(&delays, 99.0)),
        ms(delays.last().copied().unwrap_or_default())
    );
    Ok(())
}

async fn steady_delay(
    bench: &DockerBench,
    logs: &aws_sdk_cloudwatchlogs::Client,
    image: &str,
) -> anyhow::Result<()> {
    let group = "/bench/steady";
    let lines = 1000;
    register(
        bench,
        "bench-logs-steady",
        image,
        &format!(
            "i=0; while [ $i -lt {lines} ]; do echo \"tick $i\"; i=$((i+1)); usleep 5000; done"
        ),
        Some(awslogs(group)?),
    )
    .await?;
    let (task_arn, _) = bench.run_until_running("bench-logs-steady", None).await?;
    let stream = stream_of(&task_arn);
    let mut delays = Vec::with_capacity(lines);
    let mut token: Option<String> = None;
    let deadline = Instant::now() + Duration::from_secs(120);
    while delays.len() < lines {
        if Instant::now() > deadline {
            bail!(
                "only {} of {lines} lines were visible within 2 minutes",
                delays.len()
            );
        }
        let page = logs
            .get_log_events()
            .log_group_name(group)
            .log_stream_name(&stream)
            .start_from_head(true)
            .set_next_token(token.clone())
            .send()
            .await;
        let Ok(page) = page else {
            // The stream appears once the container starts.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let seen = now_ms();
        for event in page.events() {
            let delay = seen - event.timestamp().unwrap_or(seen);
            delays.push(Duration::from_millis(delay.max(0) as u64));
        }
        token = page.next_forward_token().map(str::to_owned);
        if page.events().is_empty() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    delays.sort();
    println!("awslogs write-to-visible delay, {lines} lines at about 150 lines/s, read with GetLogEvents every 10 ms");
    println!(
        "  p50 {:.0} ms   p99 {:.0} ms   max {:.0} ms   (target p99 ≤ 1,000 ms)",
        ms(percentile(&delays, 50.0)),
        ms(percentile(&delays, 99.0)),
        ms(delays.last().copied().unwrap_or_default())
    );
    Ok(())
}

async fn run_task_overhead(bench: &DockerBench, samples: usize, image: &str) -> anyhow::Result<()> {
    register(bench, "bench-plain", image, "sleep 3600", None).await?;
    register(
        bench,
        "bench-awslogs",
        image,
        "sleep 3600",
        Some(awslogs("/bench/runtask")?),
    )
    .await?;
    let mut plain = Vec::with_capacity(samples);
    let mut with_logs = Vec::with_capacity(samples);
    for _ in 0..samples {
        for (family, out) in [
            ("bench-plain", &mut plain),
            ("bench-awslogs", &mut with_logs),
        ] {
            let (task_arn, elapsed) = bench.run_until_running(family, None).await?;
            out.push(elapsed);
            bench.client.stop_task().task(&task_arn).send().await?;
        }
    }
    plain.sort();
    with_logs.sort();
    let (p50, p99) = (percentile(&plain, 50.0), percentile(&plain, 99.0));
    let (l50, l99) = (percentile(&with_logs, 50.0), percentile(&with_logs, 99.0));
    println!("RunTask→RUNNING, {samples} samples each, interleaved");
    println!(
        "  plain task   : p50 {:7.1} ms   p99 {:7.1} ms",
        ms(p50),
        ms(p99)
    );
    println!(
        "  with awslogs : p50 {:7.1} ms   p99 {:7.1} ms",
        ms(l50),
        ms(l99)
    );
    println!(
        "  awslogs costs: p50 {:+.1} ms   p99 {:+.1} ms",
        ms(l50) - ms(p50),
        ms(l99) - ms(p99)
    );
    Ok(())
}
