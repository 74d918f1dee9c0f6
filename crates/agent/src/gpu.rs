//! The host's GPUs, as the agent registers them: NVIDIA GPUs found by running
//! `nvidia-smi` once at registration (the IDs ECS's agent registers are the same GPU
//! UUIDs, `GPU-…`), a fixed list for simulated hosts, or none.
//!
//! ECS's agent reads them through NVML (`ecs-init` writes them to a file); berth asks
//! `nvidia-smi`, which ships with every NVIDIA driver, so the agent links nothing of
//! NVIDIA's. A host whose `nvidia-smi` exists but fails is refused rather than registered
//! without its GPUs: the user either fixes the driver or tells the agent to ignore GPUs.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// What `nvidia-smi` is asked: one line per GPU, `UUID, driver version`.
pub const NVIDIA_SMI_ARGS: [&str; 2] = ["--query-gpu=uuid,driver_version", "--format=csv,noheader"];

/// How long `nvidia-smi` may take (it can be slow while the driver loads).
const DETECT_TIMEOUT: Duration = Duration::from_secs(60);

/// More output than 64 GPUs' worth of lines is not `nvidia-smi` answering the query.
const MAX_OUTPUT: usize = 64 * 1024;

/// What `nvidia-smi` prints (and exits non-zero with) when the driver has no GPU.
const NO_DEVICES: &str = "No devices were found";

/// The attribute ECS's agent registers with the driver version in its name
/// (`ecs.capability.nvidia-driver-version.535.104.05`), and the one with it as value.
const DRIVER_VERSION_NAME_PREFIX: &str = "ecs.capability.nvidia-driver-version.";
const DRIVER_VERSION_ATTRIBUTE: &str = "ecs.capability.gpu-driver-version";

/// Where the agent learns the host's GPUs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GpuSource {
    /// Register no GPUs (`--no-gpus`).
    Disabled,
    /// Run `nvidia-smi`: this one (`--nvidia-smi PATH`, which must exist), or the first on
    /// `PATH`. A host without `nvidia-smi` on `PATH` has no GPUs.
    NvidiaSmi(Option<PathBuf>),
    /// Exactly these GPU IDs: simulated hosts, and tests on hosts without GPUs.
    Fixed(Vec<String>),
}

/// The GPUs found on the host.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostGpus {
    /// GPU IDs in the order `nvidia-smi` lists them.
    pub ids: Vec<String>,
    /// The NVIDIA driver's version, when `nvidia-smi` said it.
    pub driver_version: Option<String>,
}

/// Why the GPUs could not be found out. Each says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum GpuError {
    #[error("nvidia-smi was given as {0} but does not exist; give the right path or start the agent with --no-gpus")]
    Missing(PathBuf),
    #[error("running {path}: {source}; start the agent with --no-gpus to register no GPUs")]
    Spawn {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} did not answer within {DETECT_TIMEOUT:?}; check the NVIDIA driver or start the agent with --no-gpus")]
    Timeout { path: PathBuf },
    #[error("{path} failed ({status}): {message}; fix the NVIDIA driver or start the agent with --no-gpus")]
    Failed {
        path: PathBuf,
        status: String,
        message: String,
    },
    #[error("{path} printed something other than GPU UUIDs and driver versions ({detail}); start the agent with --no-gpus to register no GPUs")]
    Unreadable { path: PathBuf, detail: String },
}

impl HostGpus {
    /// The attributes ECS's agent registers for the driver, when its version is known
    /// and usable in an attribute name.
    pub fn attributes(&self) -> Vec<(String, Option<String>)> {
        let Some(version) = self.driver_version.as_deref() else {
            return Vec::new();
        };
        let usable = !version.is_empty()
            && version.len() <= 64
            && version
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.');
        if !usable || self.ids.is_empty() {
            return Vec::new();
        }
        vec![
            (format!("{DRIVER_VERSION_NAME_PREFIX}{version}"), None),
            (
                DRIVER_VERSION_ATTRIBUTE.to_owned(),
                Some(version.to_owned()),
            ),
        ]
    }
}

/// Finds the host's GPUs as `source` says.
pub async fn detect(source: &GpuSource) -> Result<HostGpus, GpuError> {
    let path = match source {
        GpuSource::Disabled => return Ok(HostGpus::default()),
        GpuSource::Fixed(ids) => {
            return Ok(HostGpus {
                ids: ids.clone(),
                driver_version: None,
            })
        }
        GpuSource::NvidiaSmi(Some(path)) => {
            if !path.exists() {
                return Err(GpuError::Missing(path.clone()));
            }
            path.clone()
        }
        GpuSource::NvidiaSmi(None) => match find_on_path("nvidia-smi") {
            Some(path) => path,
            None => {
                tracing::debug!("no nvidia-smi on PATH: the host registers no GPUs");
                return Ok(HostGpus::default());
            }
        },
    };
    let run = tokio::process::Command::new(&path)
        .args(NVIDIA_SMI_ARGS)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .output();
    let output = match tokio::time::timeout(DETECT_TIMEOUT, run).await {
        Err(_) => return Err(GpuError::Timeout { path }),
        Ok(Err(source)) => return Err(GpuError::Spawn { path, source }),
        Ok(Ok(output)) => output,
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stdout.contains(NO_DEVICES) || stderr.contains(NO_DEVICES) {
        return Ok(HostGpus::default());
    }
    if !output.status.success() {
        let message = [stderr.trim(), stdout.trim()]
            .into_iter()
            .find(|m| !m.is_empty())
            .unwrap_or("no output");
        return Err(GpuError::Failed {
            path,
            status: output.status.to_string(),
            message: truncate(message, 512),
        });
    }
    if output.stdout.len() > MAX_OUTPUT {
        return Err(GpuError::Unreadable {
            path,
            detail: format!("{} bytes of output", output.stdout.len()),
        });
    }
    let gpus = parse(&stdout).map_err(|detail| GpuError::Unreadable {
        path: path.clone(),
        detail,
    })?;
    tracing::info!(path = %path.display(), gpus = gpus.ids.len(), driver = ?gpus.driver_version, "found the host's GPUs");
    Ok(gpus)
}

/// Reads `nvidia-smi --query-gpu=uuid,driver_version --format=csv,noheader`.
fn parse(stdout: &str) -> Result<HostGpus, String> {
    let mut gpus = HostGpus::default();
    for line in stdout.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (id, version) = match line.split_once(',') {
            Some((id, version)) => (id.trim(), Some(version.trim())),
            None => (line, None),
        };
        gpus.ids.push(id.to_owned());
        if gpus.driver_version.is_none() {
            gpus.driver_version = version.filter(|v| !v.is_empty()).map(str::to_owned);
        }
    }
    berth_api::protocol::check_gpu_ids(&gpus.ids)?;
    Ok(gpus)
}

/// The first executable file called `name` in a directory of `PATH`.
fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UUID_0: &str = "GPU-8f6a2c1e-3b7d-4c9e-a1f0-5d2b8e7c4a91";
    const UUID_1: &str = "GPU-1c3e5a7b-9d2f-4b6a-8c0e-2f4a6c8e0b13";

    /// Writes an executable `nvidia-smi` into `dir` that checks it was asked the agent's
    /// query and then runs `body` (sh).
    fn fake_nvidia_smi(dir: &Path, body: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join("nvidia-smi");
        let script = format!(
            "#!/bin/sh\n\
             if [ \"$1 $2\" != \"{} {}\" ]; then echo \"unexpected arguments: $*\" >&2; exit 64; fi\n\
             {body}\n",
            NVIDIA_SMI_ARGS[0], NVIDIA_SMI_ARGS[1]
        );
        std::fs::write(&path, script).expect("writing the fake nvidia-smi");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .expect("making it executable");
        path
    }

    #[tokio::test]
    async fn detects_gpus_from_nvidia_smi() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let smi = fake_nvidia_smi(
            dir.path(),
            &format!("echo '{UUID_0}, 535.104.05'; echo '{UUID_1}, 535.104.05'"),
        );
        let gpus = detect(&GpuSource::NvidiaSmi(Some(smi)))
            .await
            .expect("detected");
        assert_eq!(gpus.ids, vec![UUID_0.to_owned(), UUID_1.to_owned()]);
        assert_eq!(gpus.driver_version.as_deref(), Some("535.104.05"));
        assert_eq!(
            gpus.attributes(),
            vec![
                (
                    "ecs.capability.nvidia-driver-version.535.104.05".to_owned(),
                    None
                ),
                (
                    "ecs.capability.gpu-driver-version".to_owned(),
                    Some("535.104.05".to_owned())
                ),
            ]
        );
    }

    #[tokio::test]
    async fn a_driver_without_gpus_means_none() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let smi = fake_nvidia_smi(dir.path(), "echo 'No devices were found'; exit 6");
        let gpus = detect(&GpuSource::NvidiaSmi(Some(smi)))
            .await
            .expect("no GPUs is an answer");
        assert_eq!(gpus, HostGpus::default());
        assert!(gpus.attributes().is_empty());
    }

    #[tokio::test]
    async fn failures_are_errors_that_say_how_to_go_on() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let failing = fake_nvidia_smi(
            dir.path(),
            "echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.' >&2; exit 9",
        );
        let err = detect(&GpuSource::NvidiaSmi(Some(failing)))
            .await
            .expect_err("a failing nvidia-smi");
        let text = err.to_string();
        assert!(matches!(err, GpuError::Failed { .. }), "{text}");
        assert!(text.contains("could not communicate"), "{text}");
        assert!(text.contains("--no-gpus"), "{text}");

        let garbage = dir.path().join("garbage");
        std::fs::create_dir(&garbage).expect("a directory");
        let smi = fake_nvidia_smi(&garbage, "echo 'GPU-1, 1'; echo 'GPU-1, 1'");
        let err = detect(&GpuSource::NvidiaSmi(Some(smi)))
            .await
            .expect_err("a GPU listed twice");
        assert!(matches!(err, GpuError::Unreadable { .. }), "{err}");
        assert!(err.to_string().contains("more than once"), "{err}");

        let missing = dir.path().join("not-there");
        let err = detect(&GpuSource::NvidiaSmi(Some(missing)))
            .await
            .expect_err("a missing nvidia-smi");
        assert!(matches!(err, GpuError::Missing(_)), "{err}");
    }

    #[tokio::test]
    async fn disabled_and_fixed_sources_run_nothing() {
        assert_eq!(
            detect(&GpuSource::Disabled).await.expect("none"),
            HostGpus::default()
        );
        let fixed = detect(&GpuSource::Fixed(vec![UUID_0.to_owned()]))
            .await
            .expect("fixed");
        assert_eq!(fixed.ids, vec![UUID_0.to_owned()]);
        assert!(fixed.attributes().is_empty(), "no driver, no attribute");
    }

    #[test]
    fn parses_nvidia_smi_lines() {
        let gpus = parse(&format!("{UUID_0}, 550.54.15\n\n{UUID_1},550.54.15\n")).expect("parses");
        assert_eq!(gpus.ids.len(), 2);
        assert_eq!(gpus.driver_version.as_deref(), Some("550.54.15"));
        assert!(
            parse("GPU 0: Tesla T4 (UUID: GPU-1)").is_err(),
            "not the csv query"
        );
        assert_eq!(parse("").expect("empty"), HostGpus::default());
    }

    #[test]
    fn finds_executables_on_path_only() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let smi = fake_nvidia_smi(dir.path(), "true");
        assert!(is_executable(&smi));
        std::fs::write(dir.path().join("plain"), "x").expect("a plain file");
        assert!(!is_executable(&dir.path().join("plain")));
        assert!(!is_executable(dir.path()));
    }
}
