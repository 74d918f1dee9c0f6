//! Task-level CPU and memory limits: one cgroup per task, the parent of all the task's
//! containers, as ECS's agent makes `/ecs/<task-id>` on EC2.
//!
//! The task definition's `cpu` and `memory` are hard limits for the whole task: CPU as a
//! CFS quota of `cpu / 1024` CPUs per 100 ms period, memory as a hard limit. They are
//! written to `/berth/<task-id>` under the cgroup filesystem *before* any container
//! starts, and each container is created with that path as its `CgroupParent`, so the
//! kernel enforces the sum of the task's containers against the task's limits.
//!
//! Docker decides how cgroups are laid out, so the layout follows `docker info`:
//! - cgroup v1 with the `cgroupfs` driver: one directory per controller
//!   (`<root>/cpu/berth/<id>`, `<root>/memory/berth/<id>`);
//! - cgroup v2 with the `cgroupfs` driver: one directory (`<root>/berth/<id>`) with
//!   `cpu.max` and `memory.max`, the controllers enabled in `cgroup.subtree_control` of
//!   the directories above it;
//! - the `systemd` driver is not supported: there a cgroup parent must be a systemd slice,
//!   and the limits must be set through systemd's D-Bus API (a transient
//!   `berth-<id>.slice` with `CPUQuotaPerSecUSec` and `MemoryMax`, created before the
//!   containers). A task with limits fails to start there with a message that says so.
//!
//! Everything here is idempotent: creating an existing cgroup rewrites the same limits,
//! removing a missing one succeeds, so an agent restarted at any point simply does it
//! again.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The CFS period the quota is a share of (Docker's and ECS's default).
pub const CFS_PERIOD_US: u64 = 100_000;
/// The kernel refuses a CFS quota below 1 ms.
const MIN_CFS_QUOTA_US: u64 = 1_000;
/// The directory under each hierarchy that holds berth's task cgroups.
const PARENT_DIR: &str = "berth";
/// Controllers a v2 task cgroup passes down to its containers, when the host has them.
const V2_CONTROLLERS: &[&str] = &["cpu", "cpuset", "io", "memory", "pids", "hugetlb"];

/// The limits of one task. `None` leaves that resource unlimited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TaskLimits {
    /// ECS CPU units: 1,024 per CPU.
    pub cpu_units: Option<u32>,
    pub memory_bytes: Option<u64>,
}

impl TaskLimits {
    pub fn is_empty(&self) -> bool {
        self.cpu_units.is_none() && self.memory_bytes.is_none()
    }

    /// The CFS quota in microseconds per [`CFS_PERIOD_US`].
    pub fn cfs_quota_us(&self) -> Option<u64> {
        self.cpu_units
            .map(|units| (u64::from(units) * CFS_PERIOD_US / 1024).max(MIN_CFS_QUOTA_US))
    }
}

/// Why a task cgroup could not be made or removed.
#[derive(Debug, thiserror::Error)]
pub enum CgroupError {
    /// The host's layout cannot carry task limits (the systemd driver, a v2 root without
    /// the controller, an unknown cgroup version).
    #[error("{0}")]
    Unsupported(String),
    #[error(
        "the agent may not write {path} ({source}); run berth agent as root with the cgroup \
         filesystem mounted read-write"
    )]
    Permission {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The cgroup still holds processes (a container of the task still runs).
    #[error("cgroup {0} is still in use")]
    Busy(PathBuf),
    #[error("cannot write cgroup file {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("invalid task ID {0:?} for a cgroup name")]
    BadTaskId(String),
}

/// Which cgroup layout Docker uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hierarchy {
    V1,
    V2,
}

/// Task cgroups under one cgroup filesystem root (normally `/sys/fs/cgroup`).
#[derive(Debug, Clone)]
pub struct TaskCgroups {
    root: PathBuf,
    hierarchy: Hierarchy,
}

/// The `CgroupParent` containers of task `task_id` are created with.
pub fn cgroup_parent(task_id: &str) -> String {
    format!("/{PARENT_DIR}/{task_id}")
}

impl TaskCgroups {
    pub fn new(root: impl Into<PathBuf>, hierarchy: Hierarchy) -> Self {
        Self {
            root: root.into(),
            hierarchy,
        }
    }

    /// The layout for what `docker info` reports as `CgroupDriver` and `CgroupVersion`.
    pub fn for_docker(
        root: impl Into<PathBuf>,
        driver: &str,
        version: &str,
    ) -> Result<Self, CgroupError> {
        if driver != "cgroupfs" {
            return Err(CgroupError::Unsupported(format!(
                "Docker uses the {driver:?} cgroup driver, and berth sets task-level cpu and \
                 memory limits only with the \"cgroupfs\" driver (with systemd the limits need \
                 a systemd slice per task). Set \"exec-opts\": \
                 [\"native.cgroupdriver=cgroupfs\"] in /etc/docker/daemon.json, or remove the \
                 task definition's cpu and memory"
            )));
        }
        let hierarchy = match version {
            "2" => Hierarchy::V2,
            // Docker before 20.10 does not report a version; those only ran on v1.
            "1" | "" => Hierarchy::V1,
            other => {
                return Err(CgroupError::Unsupported(format!(
                    "Docker reports cgroup version {other:?}, which berth does not know"
                )))
            }
        };
        Ok(Self::new(root, hierarchy))
    }

    pub fn hierarchy(&self) -> Hierarchy {
        self.hierarchy
    }

    /// The directories the task's cgroup occupies (one per controller on v1).
    pub fn task_dirs(&self, task_id: &str) -> Vec<PathBuf> {
        match self.hierarchy {
            Hierarchy::V1 => ["cpu", "memory"]
                .iter()
                .map(|c| self.root.join(c).join(PARENT_DIR).join(task_id))
                .collect(),
            Hierarchy::V2 => vec![self.root.join(PARENT_DIR).join(task_id)],
        }
    }

    /// Creates the task's cgroup with `limits` (again, if it exists) and returns the
    /// `CgroupParent` for its containers.
    pub fn create(&self, task_id: &str, limits: TaskLimits) -> Result<String, CgroupError> {
        check_task_id(task_id)?;
        match self.hierarchy {
            Hierarchy::V1 => self.create_v1(task_id, limits)?,
            Hierarchy::V2 => self.create_v2(task_id, limits)?,
        }
        Ok(cgroup_parent(task_id))
    }

    fn create_v1(&self, task_id: &str, limits: TaskLimits) -> Result<(), CgroupError> {
        if let Some(quota) = limits.cfs_quota_us() {
            let dir = self.root.join("cpu").join(PARENT_DIR).join(task_id);
            make_dir(&dir)?;
            write(&dir.join("cpu.cfs_period_us"), &CFS_PERIOD_US.to_string())?;
            write(&dir.join("cpu.cfs_quota_us"), &quota.to_string())?;
        }
        if let Some(bytes) = limits.memory_bytes {
            let dir = self.root.join("memory").join(PARENT_DIR).join(task_id);
            make_dir(&dir)?;
            // The limit covers the children only in hierarchical mode. Recent kernels are
            // always hierarchical and may refuse the write, which is then harmless.
            let _ = write(&dir.join("memory.use_hierarchy"), "1");
            write(&dir.join("memory.limit_in_bytes"), &bytes.to_string())?;
        }
        Ok(())
    }

    fn create_v2(&self, task_id: &str, limits: TaskLimits) -> Result<(), CgroupError> {
        let root_controllers = self.root.join("cgroup.subtree_control");
        let available = read(&root_controllers)?;
        let available: Vec<&str> = available.split_whitespace().collect();
        for (needed, wanted) in [
            ("cpu", limits.cpu_units.is_some()),
            ("memory", limits.memory_bytes.is_some()),
        ] {
            if wanted && !available.contains(&needed) {
                return Err(CgroupError::Unsupported(format!(
                    "the {needed} controller is not enabled in {}, so berth cannot limit the \
                     task's {needed}",
                    root_controllers.display()
                )));
            }
        }
        let enable: Vec<String> = V2_CONTROLLERS
            .iter()
            .filter(|c| available.contains(c))
            .map(|c| format!("+{c}"))
            .collect();
        let base = self.root.join(PARENT_DIR);
        let dir = base.join(task_id);
        make_dir(&dir)?;
        // A controller is usable in a cgroup only once its parent delegates it. Enable them
        // one at a time so that one the kernel refuses does not hide the others.
        for controller in &enable {
            let _ = write(&base.join("cgroup.subtree_control"), controller);
        }
        if let Some(quota) = limits.cfs_quota_us() {
            write(&dir.join("cpu.max"), &format!("{quota} {CFS_PERIOD_US}"))?;
        }
        if let Some(bytes) = limits.memory_bytes {
            write(&dir.join("memory.max"), &bytes.to_string())?;
        }
        for controller in &enable {
            let _ = write(&dir.join("cgroup.subtree_control"), controller);
        }
        Ok(())
    }

    /// Removes the task's cgroup. A missing one is fine; one with processes is `Busy`.
    pub fn remove(&self, task_id: &str) -> Result<(), CgroupError> {
        check_task_id(task_id)?;
        match self.hierarchy {
            Hierarchy::V2 => remove_dir(&self.root.join(PARENT_DIR).join(task_id)),
            Hierarchy::V1 => {
                // Docker's runc made the task directory in every controller it uses, not
                // only the two berth limits; remove it wherever it is.
                let entries = match fs::read_dir(&self.root) {
                    Ok(entries) => entries,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
                    Err(source) => return Err(io_error(&self.root, source)),
                };
                for entry in entries.flatten() {
                    remove_dir(&entry.path().join(PARENT_DIR).join(task_id))?;
                }
                Ok(())
            }
        }
    }
}

fn check_task_id(task_id: &str) -> Result<(), CgroupError> {
    let ok = !task_id.is_empty()
        && task_id.len() <= 128
        && task_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(CgroupError::BadTaskId(task_id.to_string()))
    }
}

fn io_error(path: &Path, source: io::Error) -> CgroupError {
    let path = path.to_path_buf();
    match source.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            CgroupError::Permission { path, source }
        }
        _ => CgroupError::Io { path, source },
    }
}

fn make_dir(dir: &Path) -> Result<(), CgroupError> {
    fs::create_dir_all(dir).map_err(|e| io_error(dir, e))
}

fn write(path: &Path, value: &str) -> Result<(), CgroupError> {
    fs::write(path, value).map_err(|e| io_error(path, e))
}

fn read(path: &Path) -> Result<String, CgroupError> {
    fs::read_to_string(path).map_err(|e| io_error(path, e))
}

fn remove_dir(dir: &Path) -> Result<(), CgroupError> {
    match fs::remove_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::ResourceBusy => {
            Err(CgroupError::Busy(dir.to_path_buf()))
        }
        // A plain directory (as in tests) with files left in it.
        Err(e) if e.kind() == io::ErrorKind::DirectoryNotEmpty => {
            Err(CgroupError::Busy(dir.to_path_buf()))
        }
        Err(e) => Err(io_error(dir, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_is_task_cpu_over_1024_cpus_per_period() {
        let limits = |cpu| TaskLimits {
            cpu_units: Some(cpu),
            memory_bytes: None,
        };
        assert_eq!(limits(1024).cfs_quota_us(), Some(100_000));
        assert_eq!(limits(512).cfs_quota_us(), Some(50_000));
        assert_eq!(limits(2048).cfs_quota_us(), Some(200_000));
        // Below the kernel's 1 ms floor it is raised to it.
        assert_eq!(limits(2).cfs_quota_us(), Some(1_000));
        assert_eq!(TaskLimits::default().cfs_quota_us(), None);
    }

    #[test]
    fn docker_layouts() {
        assert_eq!(
            TaskCgroups::for_docker("/x", "cgroupfs", "1")
                .expect("v1")
                .hierarchy(),
            Hierarchy::V1
        );
        assert_eq!(
            TaskCgroups::for_docker("/x", "cgroupfs", "2")
                .expect("v2")
                .hierarchy(),
            Hierarchy::V2
        );
        let err = TaskCgroups::for_docker("/x", "systemd", "2").expect_err("systemd");
        assert!(
            err.to_string().contains("native.cgroupdriver=cgroupfs"),
            "{err}"
        );
        assert!(TaskCgroups::for_docker("/x", "cgroupfs", "3").is_err());
    }

    #[test]
    fn v1_writes_the_limits_per_controller_and_removes_every_controller_dir() {
        let root = tempfile::tempdir().expect("tempdir");
        for c in ["cpu", "memory", "pids"] {
            fs::create_dir(root.path().join(c)).expect("mkdir");
        }
        let cg = TaskCgroups::new(root.path(), Hierarchy::V1);
        let limits = TaskLimits {
            cpu_units: Some(256),
            memory_bytes: Some(64 << 20),
        };
        assert_eq!(cg.create("t1", limits).expect("create"), "/berth/t1");
        // Idempotent.
        cg.create("t1", limits).expect("create again");
        let read = |p: &str| fs::read_to_string(root.path().join(p)).expect("read");
        assert_eq!(read("cpu/berth/t1/cpu.cfs_quota_us"), "25000");
        assert_eq!(read("cpu/berth/t1/cpu.cfs_period_us"), "100000");
        assert_eq!(read("memory/berth/t1/memory.limit_in_bytes"), "67108864");
        // Docker's runc adds the task directory to other controllers too.
        fs::create_dir_all(root.path().join("pids/berth/t1")).expect("mkdir");
        // Control files are not real files on a plain directory: clear them first.
        for f in [
            "cpu/berth/t1/cpu.cfs_quota_us",
            "cpu/berth/t1/cpu.cfs_period_us",
        ] {
            fs::remove_file(root.path().join(f)).expect("rm");
        }
        assert!(matches!(cg.remove("t1"), Err(CgroupError::Busy(_))));
        for f in [
            "memory/berth/t1/memory.limit_in_bytes",
            "memory/berth/t1/memory.use_hierarchy",
        ] {
            fs::remove_file(root.path().join(f)).expect("rm");
        }
        cg.remove("t1").expect("remove");
        for c in ["cpu", "memory", "pids"] {
            assert!(!root.path().join(c).join("berth/t1").exists(), "{c}");
        }
        cg.remove("t1").expect("removing again is fine");
    }

    #[test]
    fn v2_enables_controllers_and_writes_cpu_max_and_memory_max() {
        let root = tempfile::tempdir().expect("tempdir");
        fs::write(
            root.path().join("cgroup.subtree_control"),
            "cpu memory pids\n",
        )
        .expect("w");
        let cg = TaskCgroups::new(root.path(), Hierarchy::V2);
        let limits = TaskLimits {
            cpu_units: Some(1536),
            memory_bytes: Some(128 << 20),
        };
        assert_eq!(cg.create("t2", limits).expect("create"), "/berth/t2");
        let read = |p: &str| fs::read_to_string(root.path().join(p)).expect("read");
        assert_eq!(read("berth/t2/cpu.max"), "150000 100000");
        assert_eq!(read("berth/t2/memory.max"), "134217728");
        // A plain file keeps only the last write; cgroupfs accumulates them.
        assert_eq!(read("berth/cgroup.subtree_control"), "+pids");
        assert_eq!(
            cg.task_dirs("t2"),
            vec![root.path().join("berth").join("t2")]
        );
    }

    #[test]
    fn v2_without_the_controller_is_unsupported() {
        let root = tempfile::tempdir().expect("tempdir");
        fs::write(root.path().join("cgroup.subtree_control"), "pids\n").expect("w");
        let cg = TaskCgroups::new(root.path(), Hierarchy::V2);
        let err = cg
            .create(
                "t3",
                TaskLimits {
                    cpu_units: None,
                    memory_bytes: Some(1 << 20),
                },
            )
            .expect_err("no memory controller");
        assert!(err.to_string().contains("memory controller"), "{err}");
    }

    #[test]
    fn a_task_id_cannot_escape_the_directory() {
        let cg = TaskCgroups::new("/nonexistent", Hierarchy::V1);
        assert!(matches!(
            cg.create("../etc", TaskLimits::default()),
            Err(CgroupError::BadTaskId(_))
        ));
        assert!(matches!(cg.remove(""), Err(CgroupError::BadTaskId(_))));
    }
}
