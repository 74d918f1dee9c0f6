//! `berth bench lb`: berth's load balancer against haproxy and nginx, in the same run.
//!
//! The same in-process HTTP backends on loopback sit behind each proxy (`berth lb` as a
//! child process, Debian's haproxy and nginx, each with the same worker thread count,
//! round robin, keep-alive to the backends, and `X-Forwarded-For` added). The same load
//! generator (`wrk`, same threads and connections) runs against each in turn, for several
//! interleaved rounds, and the medians are printed with the ratios to haproxy and nginx.
//!
//! Then, on berth alone: the time from a target's registration (the configuration applied
//! by SIGHUP) to its first request, from its health checks starting to fail to its last
//! request (removal from rotation), and the client errors while a target is killed.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use berth_api::lb::{
    Action, HealthCheck, HealthCheckPort, LbConfig, Listener, LoadBalancer, LoadBalancerType,
    Protocol, Target, TargetGroup, TargetGroupAttributes, TargetState, WeightedTargetGroup,
};
use bytes::Bytes;
use http_body_util::Full;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::process::{Child, Command};
use tokio_util::sync::CancellationToken;

#[derive(Debug, Clone, clap::Args)]
pub struct LbBench {
    /// Backends behind each proxy.
    #[arg(long, default_value_t = 4)]
    pub backends: usize,
    /// wrk connections.
    #[arg(long, default_value_t = 64)]
    pub connections: usize,
    /// wrk threads.
    #[arg(long, default_value_t = 1)]
    pub wrk_threads: usize,
    /// Worker threads of each proxy (berth's runtime, haproxy's nbthread, nginx's
    /// worker_processes).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Seconds of each wrk run.
    #[arg(long, default_value_t = 10)]
    pub duration_secs: u64,
    /// Interleaved rounds over the three proxies (medians are printed).
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
    /// berth's health-check interval for the registration and failure figures.
    #[arg(long, default_value_t = 1000)]
    pub health_interval_ms: u64,
}

/// A minimal keep-alive HTTP/1.1 backend that answers `ok`, with a switch for its health
/// endpoint and the times of its first and last (non-health) requests.
struct Backend {
    address: SocketAddr,
    healthy: AtomicBool,
    first_hit: AtomicU64,
    last_hit: AtomicU64,
    epoch: Instant,
    killed: CancellationToken,
}

impl Backend {
    async fn start(epoch: Instant) -> anyhow::Result<Arc<Self>> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let backend = Arc::new(Self {
            address: listener.local_addr()?,
            healthy: AtomicBool::new(true),
            first_hit: AtomicU64::new(0),
            last_hit: AtomicU64::new(0),
            epoch,
            killed: CancellationToken::new(),
        });
        let server = backend.clone();
        tokio::spawn(async move {
            loop {
                let stream = tokio::select! {
                    accepted = listener.accept() => match accepted {
                        Ok((stream, _)) => stream,
                        Err(_) => continue,
                    },
                    _ = server.killed.cancelled() => return,
                };
                let _ = stream.set_nodelay(true);
                let backend = server.clone();
                tokio::spawn(async move {
                    let killed = backend.killed.clone();
                    let service = service_fn(move |request| {
                        let backend = backend.clone();
                        async move { Ok::<_, std::convert::Infallible>(backend.answer(&request)) }
                    });
                    let connection = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service);
                    tokio::select! {
                        _ = connection => {}
                        _ = killed.cancelled() => {}
                    }
                });
            }
        });
        Ok(backend)
    }

    fn answer<B>(&self, request: &hyper::Request<B>) -> hyper::Response<Full<Bytes>> {
        if request.uri().path() == "/health" {
            let status = if self.healthy.load(Ordering::Relaxed) {
                200
            } else {
                503
            };
            let mut response = hyper::Response::new(Full::new(Bytes::from_static(b"health")));
            *response.status_mut() = hyper::StatusCode::from_u16(status).unwrap_or_default();
            return response;
        }
        let now = self.epoch.elapsed().as_micros() as u64 + 1;
        let _ = self
            .first_hit
            .compare_exchange(0, now, Ordering::Relaxed, Ordering::Relaxed);
        self.last_hit.store(now, Ordering::Relaxed);
        hyper::Response::new(Full::new(Bytes::from_static(b"ok")))
    }

    fn at(&self, micros: u64) -> Option<Instant> {
        (micros != 0).then(|| self.epoch + Duration::from_micros(micros - 1))
    }
}

fn target(backend: &Backend, state: TargetState) -> Target {
    Target {
        ip: backend.address.ip(),
        port: backend.address.port(),
        state,
    }
}

fn berth_config(
    generation: u64,
    port: u16,
    backends: &[Arc<Backend>],
    interval_ms: u64,
) -> LbConfig {
    LbConfig {
        generation,
        load_balancers: vec![LoadBalancer {
            arn: "bench-lb".into(),
            name: "bench".into(),
            kind: LoadBalancerType::Application,
            address: "127.0.0.1".parse().expect("an address"),
            idle_timeout_ms: 60_000,
            listeners: vec![Listener {
                arn: "bench-listener".into(),
                port,
                protocol: Protocol::Http,
                certificates: vec![],
                default_action: Action::Forward {
                    target_groups: vec![WeightedTargetGroup {
                        target_group_arn: "bench-tg".into(),
                        weight: 1,
                    }],
                    stickiness: None,
                },
                rules: vec![],
            }],
        }],
        target_groups: vec![TargetGroup {
            arn: "bench-tg".into(),
            name: "bench".into(),
            protocol: Protocol::Http,
            targets: backends
                .iter()
                .map(|b| target(b, TargetState::Registered))
                .collect(),
            health_check: HealthCheck {
                enabled: true,
                protocol: Protocol::Http,
                path: "/health".into(),
                port: HealthCheckPort::TrafficPort,
                interval_ms,
                timeout_ms: (interval_ms / 2).max(1),
                healthy_threshold: 2,
                unhealthy_threshold: 2,
                matcher: "200".into(),
            },
            attributes: TargetGroupAttributes {
                deregistration_delay_seconds: 0,
                ..Default::default()
            },
        }],
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

fn haproxy_config(port: u16, backends: &[Arc<Backend>], threads: usize) -> String {
    let mut config = format!(
        "global\n  nbthread {threads}\n  maxconn 8000\n\ndefaults\n  mode http\n  timeout connect 10s\n  timeout client 60s\n  timeout server 60s\n  option http-keep-alive\n  option forwardfor\n  http-reuse always\n\nfrontend bench\n  bind 127.0.0.1:{port}\n  default_backend targets\n\nbackend targets\n  balance roundrobin\n"
    );
    for (index, backend) in backends.iter().enumerate() {
        config.push_str(&format!("  server t{index} {}\n", backend.address));
    }
    config
}

fn nginx_config(dir: &Path, port: u16, backends: &[Arc<Backend>], threads: usize) -> String {
    let dir = dir.display();
    let servers: String = backends
        .iter()
        .map(|b| format!("    server {};\n", b.address))
        .collect();
    format!(
        "worker_processes {threads};\ndaemon off;\npid {dir}/nginx.pid;\nerror_log {dir}/nginx-error.log;\nevents {{ worker_connections 4096; }}\nhttp {{\n  access_log off;\n  client_body_temp_path {dir}/body;\n  proxy_temp_path {dir}/proxy;\n  fastcgi_temp_path {dir}/fastcgi;\n  uwsgi_temp_path {dir}/uwsgi;\n  scgi_temp_path {dir}/scgi;\n  upstream targets {{\n{servers}    keepalive 128;\n  }}\n  server {{\n    listen 127.0.0.1:{port};\n    keepalive_requests 100000;\n    location / {{\n      proxy_pass http://targets;\n      proxy_http_version 1.1;\n      proxy_set_header Connection \"\";\n      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }}\n  }}\n}}\n"
    )
}

async fn wait_until_serving(port: u16, what: &str) -> anyhow::Result<()> {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(response) = client.get(format!("http://127.0.0.1:{port}/")).send().await {
            if response.status() == 200 {
                return Ok(());
            }
        }
        if Instant::now() > deadline {
            bail!("{what} did not serve 200 on port {port} within 30 s");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A child process that gets SIGTERM when dropped (on every path out of the benchmark):
/// a SIGKILL to nginx's master would leave its workers running.
struct Proc(Option<Child>);

impl Proc {
    fn id(&self) -> Option<u32> {
        self.0.as_ref().and_then(Child::id)
    }

    /// SIGTERM, then SIGKILL if it has not exited after 5 s.
    async fn terminate(mut self) {
        let Some(mut child) = self.0.take() else {
            return;
        };
        if let Some(pid) = child.id() {
            let _ = Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .await;
            if tokio::time::timeout(Duration::from_secs(5), child.wait())
                .await
                .is_ok()
            {
                return;
            }
        }
        let _ = child.kill().await;
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        if let Some(pid) = self.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
        }
    }
}

fn spawn(program: &str, args: &[&str], log: &Path) -> anyhow::Result<Proc> {
    let log = std::fs::File::create(log)?;
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()
        .with_context(|| format!("starting {program}"))?;
    Ok(Proc(Some(child)))
}

#[derive(Debug, Clone, Copy, Default)]
struct WrkResult {
    requests_per_second: f64,
    requests: u64,
    p50: Duration,
    p99: Duration,
    errors: u64,
    /// The proxy's CPU time (all its processes) per request, in microseconds.
    cpu_us_per_request: f64,
    /// The part of it spent in the kernel (system time): TCP on loopback, mostly.
    sys_us_per_request: f64,
}

fn parse_latency(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (number, unit) = text.split_at(text.find(|c: char| c.is_ascii_alphabetic())?);
    let value: f64 = number.parse().ok()?;
    let seconds = match unit {
        "us" => value / 1e6,
        "ms" => value / 1e3,
        "s" => value,
        "m" => value * 60.0,
        _ => return None,
    };
    Some(Duration::from_secs_f64(seconds))
}

fn parse_wrk(output: &str) -> anyhow::Result<WrkResult> {
    let mut result = WrkResult::default();
    for line in output.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("Requests/sec:") {
            result.requests_per_second = rest.trim().parse()?;
        } else if let Some(rest) = line.strip_prefix("50%") {
            result.p50 = parse_latency(rest).context("wrk's p50")?;
        } else if let Some(rest) = line.strip_prefix("99%") {
            result.p99 = parse_latency(rest).context("wrk's p99")?;
        } else if let Some((count, _)) = line.split_once(" requests in ") {
            result.requests = count.trim().parse().unwrap_or(0);
        } else if let Some(rest) = line.strip_prefix("Non-2xx or 3xx responses:") {
            result.errors += rest.trim().parse::<u64>()?;
        } else if let Some(rest) = line.strip_prefix("Socket errors:") {
            result.errors += rest
                .split(',')
                .filter_map(|part| part.split_whitespace().last()?.parse::<u64>().ok())
                .sum::<u64>();
        }
    }
    if result.requests_per_second == 0.0 {
        bail!("wrk printed no Requests/sec:\n{output}");
    }
    Ok(result)
}

async fn wrk(port: u16, options: &LbBench, seconds: u64) -> anyhow::Result<WrkResult> {
    let output = Command::new("wrk")
        .args([
            &format!("-t{}", options.wrk_threads),
            &format!("-c{}", options.connections),
            &format!("-d{seconds}s"),
            "--latency",
            &format!("http://127.0.0.1:{port}/"),
        ])
        .output()
        .await
        .context("running wrk")?;
    if !output.status.success() {
        bail!("wrk failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    parse_wrk(&String::from_utf8_lossy(&output.stdout))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1e3)
}

pub async fn lb(options: LbBench) -> anyhow::Result<()> {
    for tool in ["wrk", "haproxy", "nginx"] {
        if which(tool).is_none() {
            bail!("`{tool}` is not installed (scripts/install-deps.sh installs wrk, haproxy and nginx)");
        }
    }
    let dir = tempfile::tempdir()?;
    let epoch = Instant::now();
    let mut backends = Vec::new();
    for _ in 0..options.backends.max(1) {
        backends.push(Backend::start(epoch).await?);
    }

    // berth lb, as a child process like on a host.
    let berth_port = free_port()?;
    let config_path = dir.path().join("lb.json");
    let mut generation = 1;
    let write_config = |config: &LbConfig| -> anyhow::Result<()> {
        let temp = dir.path().join("lb.json.tmp");
        std::fs::write(&temp, serde_json::to_vec_pretty(config)?)?;
        std::fs::rename(&temp, &config_path)?;
        Ok(())
    };
    write_config(&berth_config(
        generation,
        berth_port,
        &backends,
        options.health_interval_ms,
    ))?;
    let exe = std::env::current_exe()?;
    let threads = options.threads.to_string();
    let berth = spawn(
        &exe.display().to_string(),
        &[
            "lb",
            "--config",
            &config_path.display().to_string(),
            "--threads",
            &threads,
        ],
        &dir.path().join("berth-lb.log"),
    )?;
    let berth_pid = berth.id().context("berth lb exited at once")?;

    let haproxy_port = free_port()?;
    let haproxy_path = dir.path().join("haproxy.cfg");
    std::fs::write(
        &haproxy_path,
        haproxy_config(haproxy_port, &backends, options.threads),
    )?;
    let haproxy = spawn(
        "haproxy",
        &["-db", "-f", &haproxy_path.display().to_string()],
        &dir.path().join("haproxy.log"),
    )?;

    let nginx_port = free_port()?;
    let nginx_path = dir.path().join("nginx.conf");
    std::fs::write(
        &nginx_path,
        nginx_config(dir.path(), nginx_port, &backends, options.threads),
    )?;
    let nginx = spawn(
        "nginx",
        &[
            "-p",
            &dir.path().display().to_string(),
            "-c",
            &nginx_path.display().to_string(),
        ],
        &dir.path().join("nginx.log"),
    )?;

    let proxies = [
        ("berth", berth_port),
        ("haproxy", haproxy_port),
        ("nginx", nginx_port),
    ];
    for (name, port) in proxies {
        wait_until_serving(port, name).await?;
    }
    println!(
        "berth bench lb: {} backends, wrk -t{} -c{} -d{}s, {} worker thread(s) per proxy, {} rounds",
        backends.len(),
        options.wrk_threads,
        options.connections,
        options.duration_secs,
        options.threads,
        options.rounds
    );
    for (_, port) in proxies {
        wrk(port, &options, 2).await?;
    }
    let pids = [berth.id(), haproxy.id(), nginx.id()];
    let ticks_per_second = clock_ticks().await;
    let mut results: Vec<Vec<WrkResult>> = vec![Vec::new(); proxies.len()];
    for round in 0..options.rounds.max(1) {
        for (index, (name, port)) in proxies.iter().enumerate() {
            let pid = pids[index].context("a proxy exited")?;
            let (user_before, sys_before) = cpu_ticks(pid);
            let mut result = wrk(*port, &options, options.duration_secs).await?;
            let (user_after, sys_after) = cpu_ticks(pid);
            let per_request =
                |ticks: u64| ticks as f64 / ticks_per_second * 1e6 / result.requests.max(1) as f64;
            result.cpu_us_per_request =
                per_request(user_after + sys_after - user_before - sys_before);
            result.sys_us_per_request = per_request(sys_after - sys_before);
            println!(
                "  round {} {name:8} {:>10.0} req/s  p50 {:>9}  p99 {:>9}  CPU {:>5.1} µs/request ({:>4.1} in the kernel)  errors {}",
                round + 1,
                result.requests_per_second,
                ms(result.p50),
                ms(result.p99),
                result.cpu_us_per_request,
                result.sys_us_per_request,
                result.errors
            );
            results[index].push(result);
        }
    }
    let summary: Vec<Summary> = results.iter().map(|runs| Summary::of(runs)).collect();
    println!();
    println!(
        "| proxy | req/s | p50 | p99 | CPU µs/request (kernel) | errors | req/s vs haproxy | req/s vs nginx | p99 vs haproxy | p99 vs nginx | CPU vs haproxy | CPU vs nginx |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (index, (name, _)) in proxies.iter().enumerate() {
        let own = &summary[index];
        let ratio = |other: usize| own.requests_per_second / summary[other].requests_per_second;
        let p99_ratio = |other: usize| own.p99.as_secs_f64() / summary[other].p99.as_secs_f64();
        let cpu_ratio = |other: usize| own.cpu_us / summary[other].cpu_us;
        println!(
            "| {name} | {:.0} | {} | {} | {:.1} ({:.1}) | {} | {:.2}× | {:.2}× | {:.2}× | {:.2}× | {:.2}× | {:.2}× |",
            own.requests_per_second,
            ms(own.p50),
            ms(own.p99),
            own.cpu_us,
            own.sys_us,
            own.errors,
            ratio(1),
            ratio(2),
            p99_ratio(1),
            p99_ratio(2),
            cpu_ratio(1),
            cpu_ratio(2)
        );
    }

    // Registration to first request, and failure to removal, on berth.
    println!();
    let stop_load = CancellationToken::new();
    let load = light_load(berth_port, stop_load.clone());
    let newcomer = Backend::start(epoch).await?;
    let mut with_newcomer = backends.clone();
    with_newcomer.push(newcomer.clone());
    generation += 1;
    write_config(&berth_config(
        generation,
        berth_port,
        &with_newcomer,
        options.health_interval_ms,
    ))?;
    let registered = Instant::now();
    hangup(berth_pid).await?;
    let first = poll(Duration::from_secs(60), || {
        newcomer.at(newcomer.first_hit.load(Ordering::Relaxed))
    })
    .await
    .context("the new target never got a request")?;
    println!(
        "registration → first request: {} (health checks every {} ms, healthy threshold 2)",
        ms(first - registered),
        options.health_interval_ms
    );
    let failed = Instant::now();
    newcomer.healthy.store(false, Ordering::Relaxed);
    let quiet = Duration::from_millis(options.health_interval_ms * 3);
    let last = poll(Duration::from_secs(120), || {
        let last = newcomer.at(newcomer.last_hit.load(Ordering::Relaxed))?;
        (last > failed && last.elapsed() > quiet).then_some(last)
    })
    .await
    .context("the failing target was never taken out of rotation")?;
    println!(
        "health checks failing → out of rotation: {} (unhealthy threshold 2)",
        ms(last - failed)
    );
    let (ok_before, errors_before) = load.counts();
    backends[0].killed.cancel();
    let killed = Instant::now();
    let quiet_for = Duration::from_millis(options.health_interval_ms * 4);
    tokio::time::sleep(quiet_for).await;
    let (ok_after, errors_after) = load.counts();
    println!(
        "a target killed (connections refused and reset): {} client errors in {} requests over the next {} (retry on another target)",
        errors_after - errors_before,
        (ok_after - ok_before) + (errors_after - errors_before),
        ms(killed.elapsed())
    );
    stop_load.cancel();
    for child in [berth, haproxy, nginx] {
        child.terminate().await;
    }
    Ok(())
}

/// One proxy's medians over the rounds (errors summed).
struct Summary {
    requests_per_second: f64,
    p50: Duration,
    p99: Duration,
    errors: u64,
    cpu_us: f64,
    sys_us: f64,
}

impl Summary {
    fn of(runs: &[WrkResult]) -> Self {
        let median_of = |value: fn(&WrkResult) -> f64| median(runs.iter().map(value).collect());
        Self {
            requests_per_second: median_of(|r| r.requests_per_second),
            p50: Duration::from_secs_f64(median_of(|r| r.p50.as_secs_f64())),
            p99: Duration::from_secs_f64(median_of(|r| r.p99.as_secs_f64())),
            errors: runs.iter().map(|r| r.errors).sum(),
            cpu_us: median_of(|r| r.cpu_us_per_request),
            sys_us: median_of(|r| r.sys_us_per_request),
        }
    }
}

/// Four clients in a loop, counting 200s and anything else, until stopped (or 5 minutes).
struct LightLoad {
    ok: Arc<AtomicU64>,
    errors: Arc<AtomicU64>,
}

impl LightLoad {
    fn counts(&self) -> (u64, u64) {
        (
            self.ok.load(Ordering::Relaxed),
            self.errors.load(Ordering::Relaxed),
        )
    }
}

fn light_load(port: u16, stop: CancellationToken) -> LightLoad {
    let ok = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    for _ in 0..4 {
        let (ok, errors, stop) = (ok.clone(), errors.clone(), stop.clone());
        tokio::spawn(async move {
            let client = reqwest::Client::new();
            let deadline = Instant::now() + Duration::from_secs(300);
            while !stop.is_cancelled() && Instant::now() < deadline {
                let response = client.get(format!("http://127.0.0.1:{port}/")).send().await;
                match response {
                    Ok(r) if r.status() == 200 => ok.fetch_add(1, Ordering::Relaxed),
                    _ => errors.fetch_add(1, Ordering::Relaxed),
                };
                // About 200 requests/s in all: traffic, not load.
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        });
    }
    LightLoad { ok, errors }
}

/// CPU time (user, system; in clock ticks) of a process and its children (nginx's
/// workers), from /proc.
fn cpu_ticks(pid: u32) -> (u64, u64) {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return (0, 0);
    };
    let (mut user, mut system) = (0, 0);
    for entry in entries.flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // Fields after the command (which may hold spaces) in parentheses.
        let Some((head, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let own_pid: Option<u32> = head.split_whitespace().next().and_then(|p| p.parse().ok());
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // rest: state(0) ppid(1) … utime(11) stime(12)
        let parent: Option<u32> = fields.get(1).and_then(|p| p.parse().ok());
        if own_pid == Some(pid) || parent == Some(pid) {
            let ticks = |i: usize| {
                fields
                    .get(i)
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            user += ticks(11);
            system += ticks(12);
        }
    }
    (user, system)
}

async fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .await
        .ok()
        .and_then(|output| String::from_utf8_lossy(&output.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

async fn poll<T>(timeout: Duration, mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = check() {
            return Some(value);
        }
        if Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

async fn hangup(pid: u32) -> anyhow::Result<()> {
    let status = Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .await?;
    if !status.success() {
        bail!("kill -HUP {pid} failed");
    }
    Ok(())
}

fn which(tool: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(tool))
            .find(|path| path.is_file())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrk_output_is_parsed() {
        let output = "Running 10s test @ http://127.0.0.1:1/\n  1 threads and 64 connections\n  Latency Distribution\n     50%  850.00us\n     75%    1.10ms\n     90%    1.50ms\n     99%    2.34ms\n  123 requests in 10.00s, 1MB read\n  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 4\nRequests/sec:  12345.67\nTransfer/sec:      1.23MB\n";
        let result = parse_wrk(output).unwrap();
        assert_eq!(result.requests_per_second, 12345.67);
        assert_eq!(result.p50, Duration::from_micros(850));
        assert_eq!(result.p99, Duration::from_micros(2340));
        assert_eq!(result.errors, 7);
        assert_eq!(result.requests, 123);
    }
}
