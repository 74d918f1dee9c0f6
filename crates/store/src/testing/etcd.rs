//! Real etcd members for tests: Debian's `etcd` (3.4) on free loopback
//! ports, in a temporary directory, killed when the [`EtcdCluster`] drops.
//!
//! Each member runs under a small `sh` that holds a pipe from the test
//! process and kills the member when the pipe closes, so a test process
//! that dies any way at all (a panic, `SIGKILL`, a nextest timeout) takes
//! its members with it: no etcd outlives its test.
//!
//! [`EtcdCluster::for_tests`] skips (returns `None` with a message) when etcd
//! is not installed, unless `BERTH_REQUIRE_ETCD=1` (set by
//! `scripts/test.sh`), when it panics instead.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::Duration;

use tokio::time::Instant;

use crate::etcd::{tls_options, EtcdConfig, EtcdTls};

/// The environment variable that makes a missing etcd a failure.
pub const REQUIRE_ETCD: &str = "BERTH_REQUIRE_ETCD";
/// Overrides where the etcd binary is.
pub const ETCD_BIN: &str = "BERTH_ETCD_BIN";
/// How long members get to elect a leader and answer.
const HEALTHY_WITHIN: Duration = Duration::from_secs(30);

/// One to a few etcd members on loopback.
pub struct EtcdCluster {
    dir: tempfile::TempDir,
    binary: PathBuf,
    members: Vec<Member>,
    token: String,
    tls: Option<MemberTls>,
}

/// TLS on the members' client listeners.
#[derive(Debug, Clone)]
pub struct MemberTls {
    /// The members' serving certificate and key (PEM), for 127.0.0.1.
    pub cert: PathBuf,
    pub key: PathBuf,
    /// The CA the members trust for client certificates.
    pub trusted_ca: PathBuf,
    /// Whether members require a client certificate (`--client-cert-auth`).
    pub client_cert_auth: bool,
    /// What clients (the health check, [`EtcdCluster::config`]) present.
    pub client: EtcdTls,
}

struct Member {
    name: String,
    client_port: u16,
    peer_port: u16,
    process: Option<Process>,
}

/// A running member: the guarding shell and the member's own pid.
struct Process {
    shell: Child,
    /// Closing it makes the shell kill the member.
    pipe: Option<ChildStdin>,
    pid: u32,
}

impl Drop for EtcdCluster {
    fn drop(&mut self) {
        for member in &mut self.members {
            if let Some(process) = member.process.take() {
                process.kill();
            }
        }
    }
}

impl Process {
    /// Kills the member (`SIGKILL`) and reaps it and its shell.
    fn kill(mut self) {
        signal(self.pid, "KILL");
        // EOF on the pipe: the shell kills (again) and waits for the member.
        drop(self.pipe.take());
        let _ = self.shell.wait();
    }
}

/// Sends a signal by name with kill(1): the workspace forbids `unsafe`.
fn signal(pid: u32, name: &str) {
    let _ = Command::new("kill")
        .args([format!("-{name}"), pid.to_string()])
        .stderr(Stdio::null())
        .status();
}

/// The etcd binary: `$BERTH_ETCD_BIN`, else `etcd` on `PATH`, else `/usr/bin/etcd`.
pub fn etcd_binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(ETCD_BIN) {
        return Some(PathBuf::from(path));
    }
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("etcd"))
            .find(|candidate| candidate.is_file())
    });
    on_path.or_else(|| {
        let debian = PathBuf::from("/usr/bin/etcd");
        debian.is_file().then_some(debian)
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl EtcdCluster {
    /// A fresh cluster of `members` members with a leader, or `None` (after
    /// saying why) when etcd is missing and not required.
    pub async fn for_tests(members: usize) -> Option<Self> {
        let required = std::env::var(REQUIRE_ETCD).is_ok_and(|v| v == "1");
        let Some(binary) = etcd_binary() else {
            assert!(
                !required,
                "{REQUIRE_ETCD}=1 but there is no etcd binary (install Debian's etcd-server, \
                 or set {ETCD_BIN})"
            );
            eprintln!("skipping: etcd is not installed (Debian's etcd-server; {REQUIRE_ETCD}=1 makes this fail)");
            return None;
        };
        Some(
            Self::start(&binary, members)
                .await
                .unwrap_or_else(|err| panic!("starting {members} etcd member(s): {err}")),
        )
    }

    /// Starts `members` members of a new cluster and waits for a leader.
    pub async fn start(binary: &Path, members: usize) -> Result<Self, String> {
        Self::start_with(binary, members, None).await
    }

    /// [`EtcdCluster::start`], with TLS on the client listeners.
    pub async fn start_with(
        binary: &Path,
        members: usize,
        tls: Option<MemberTls>,
    ) -> Result<Self, String> {
        let dir = tempfile::Builder::new()
            .prefix("berth-etcd-")
            .tempdir()
            .map_err(|e| format!("temp dir: {e}"))?;
        let token = format!(
            "berth-test-{}-{}",
            std::process::id(),
            dir.path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        let mut cluster = Self {
            dir,
            binary: binary.to_path_buf(),
            members: (0..members)
                .map(|i| Member {
                    name: format!("m{i}"),
                    client_port: free_port(),
                    peer_port: free_port(),
                    process: None,
                })
                .collect(),
            token,
            tls,
        };
        for i in 0..members {
            cluster.spawn(i)?;
        }
        for i in 0..members {
            cluster.wait_healthy(i).await?;
        }
        Ok(cluster)
    }

    fn spawn(&mut self, index: usize) -> Result<(), String> {
        let initial_cluster = self
            .members
            .iter()
            .map(|m| format!("{}=http://127.0.0.1:{}", m.name, m.peer_port))
            .collect::<Vec<_>>()
            .join(",");
        let member = &self.members[index];
        let data = self.dir.path().join(&member.name);
        let log = self.dir.path().join(format!("{}.log", member.name));
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        let client = format!("{scheme}://127.0.0.1:{}", member.client_port);
        let peer = format!("http://127.0.0.1:{}", member.peer_port);
        let mut args: Vec<String> = vec![
            "--name".into(),
            member.name.clone(),
            "--data-dir".into(),
            data.display().to_string(),
            "--listen-client-urls".into(),
            client.clone(),
            "--advertise-client-urls".into(),
            client,
            "--listen-peer-urls".into(),
            peer.clone(),
            "--initial-advertise-peer-urls".into(),
            peer,
            "--initial-cluster".into(),
            initial_cluster,
            "--initial-cluster-token".into(),
            self.token.clone(),
            "--initial-cluster-state".into(),
            "new".into(),
            // Fast elections keep fault tests short; fsync stays on.
            "--heartbeat-interval".into(),
            "50".into(),
            "--election-timeout".into(),
            "500".into(),
            "--logger".into(),
            "zap".into(),
            "--log-level".into(),
            "warn".into(),
        ];
        if let Some(tls) = &self.tls {
            for (flag, path) in [
                ("--cert-file", &tls.cert),
                ("--key-file", &tls.key),
                ("--trusted-ca-file", &tls.trusted_ca),
            ] {
                args.push(flag.into());
                args.push(path.display().to_string());
            }
            if tls.client_cert_auth {
                args.push("--client-cert-auth".into());
            }
        }
        // The shell prints the member's pid, then waits on its stdin: EOF
        // (the test process closed it, or died) kills and reaps the member.
        let script = r#"bin=$1; log=$2; shift 2
"$bin" "$@" >>"$log" 2>&1 &
pid=$!
echo "$pid"
read -r _ignored
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0"#;
        let mut shell = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg("sh")
            .arg(&self.binary)
            .arg(&log)
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run sh for {}: {e}", self.binary.display()))?;
        let pipe = shell.stdin.take();
        let mut line = String::new();
        let stdout = shell.stdout.take().ok_or("no shell stdout")?;
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|e| format!("reading the member's pid: {e}"))?;
        let pid = line
            .trim()
            .parse()
            .map_err(|_| format!("the shell printed {line:?}, not a pid"))?;
        self.members[index].process = Some(Process { shell, pipe, pid });
        Ok(())
    }

    /// Waits until member `index` serves a linearizable read (it has a leader).
    async fn wait_healthy(&self, index: usize) -> Result<(), String> {
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        let endpoint = format!("{scheme}://{}", self.endpoint(index));
        let deadline = Instant::now() + HEALTHY_WITHIN;
        let mut last = String::new();
        while Instant::now() < deadline {
            let mut options = etcd_client::ConnectOptions::new()
                .with_require_leader(true)
                .with_connect_timeout(Duration::from_secs(1))
                .with_timeout(Duration::from_secs(1));
            if let Some(tls) = &self.tls {
                options = options.with_tls(tls_options(&tls.client).map_err(|e| e.to_string())?);
            }
            match etcd_client::Client::connect([endpoint.as_str()], Some(options)).await {
                Ok(mut client) => match client.get("health", None).await {
                    Ok(_) => return Ok(()),
                    Err(e) => last = e.to_string(),
                },
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!(
            "member {} not healthy within {}s (last error: {last}); log:\n{}",
            self.members[index].name,
            HEALTHY_WITHIN.as_secs(),
            self.log(index)
        ))
    }

    /// `127.0.0.1:PORT` of member `index`'s client listener.
    pub fn endpoint(&self, index: usize) -> String {
        format!("127.0.0.1:{}", self.members[index].client_port)
    }

    /// Every member's client endpoint.
    pub fn endpoints(&self) -> Vec<String> {
        (0..self.members.len()).map(|i| self.endpoint(i)).collect()
    }

    /// A store config for this cluster, with `prefix` and test-sized timeouts.
    pub fn config(&self, prefix: &str) -> EtcdConfig {
        let mut config = EtcdConfig::new(self.endpoints());
        config.prefix = prefix.to_string();
        config.tls = self.tls.as_ref().map(|tls| tls.client.clone());
        config
    }

    /// Kills member `index` with `SIGKILL`; its data stays for a restart.
    pub fn kill(&mut self, index: usize) {
        if let Some(process) = self.members[index].process.take() {
            process.kill();
        }
    }

    /// Starts member `index` again on its data and waits until it serves.
    pub async fn restart(&mut self, index: usize) -> Result<(), String> {
        self.kill(index);
        self.spawn(index)?;
        self.wait_healthy(index).await
    }

    /// The pid of member `index`, if it runs (for `SIGSTOP`/`SIGCONT`).
    pub fn pid(&self, index: usize) -> Option<u32> {
        self.members[index].process.as_ref().map(|p| p.pid)
    }

    /// Member `index`'s log so far (for failure messages).
    pub fn log(&self, index: usize) -> String {
        let path = self
            .dir
            .path()
            .join(format!("{}.log", self.members[index].name));
        std::fs::read_to_string(path).unwrap_or_default()
    }
}
