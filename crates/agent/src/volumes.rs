//! A task's data volumes (task definition `volumes[]`), as ECS's agent provides them on
//! EC2, and the container mounts that name them (`mountPoints[]`).
//!
//! | volume | what the agent does | removed |
//! |---|---|---|
//! | `host.sourcePath` | bind mount of the host path (Docker creates a missing directory) | never |
//! | no `host` path and no `dockerVolumeConfiguration` | an empty Docker volume for the task, shared by its containers | with the task |
//! | `dockerVolumeConfiguration`, `scope: task` | a Docker volume with the `driver`, `driverOpts` and `labels`, created at task start | with the task |
//! | `dockerVolumeConfiguration`, `scope: shared` | the Docker volume named exactly as the volume; created if missing when `autoprovision` is true, else the task fails; an existing one must match the configuration when `autoprovision` is true | never |
//! | EFS, FSx, S3 Files, `configuredAtLaunch` | the task fails to start: berth cannot mount them | — |
//!
//! A task's own volumes have deterministic names (`berth-{family}-{revision}-{volume}-{task
//! id}`) and carry the task's labels, so an agent restarted without memory finds them,
//! never creates one twice, and removes them when it cleans the task up.

use std::collections::BTreeMap;

use berth_api::ecs::{ContainerDefinition, Scope, Volume};
use berth_api::protocol::{labels, DesiredTask};
use sha2::{Digest, Sha256};

use crate::runtime::{
    container_name, docker_name, task_id, ContainerRuntime, RuntimeError, SpecError, VolumeInfo,
    VolumeSpec,
};

/// Longest task-volume name built from its parts; longer ones are shortened with a hash.
const MAX_VOLUME_NAME: usize = 180;

/// What a container mounts for a task definition volume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MountSource {
    /// A host path (bind mount).
    HostPath(String),
    /// A runtime volume, by its runtime name.
    Volume(String),
}

/// What the agent provides for one volume before the task's containers are created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VolumePlan {
    Bind {
        path: String,
    },
    /// A volume of this task only.
    Task(VolumeSpec),
    /// A volume shared by tasks, never removed by berth.
    Shared {
        spec: VolumeSpec,
        autoprovision: bool,
    },
}

/// Why the task's volumes could not be provided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VolumeError {
    /// The runtime is unreachable: try again later.
    Unavailable,
    /// The task cannot start; the message is its stopped reason.
    Failed(String),
}

/// The deterministic runtime name of a task's own volume.
pub fn task_volume_name(task: &DesiredTask, volume: &str) -> String {
    let task_id = task_id(&task.task_arn);
    let name = docker_name(&format!(
        "berth-{}-{}-{}-{}",
        task.family, task.revision, volume, task_id
    ));
    if name.len() <= MAX_VOLUME_NAME {
        return name;
    }
    // Long family and volume names: keep the name unique and within filesystem limits.
    let hash = hex::encode(Sha256::digest(format!("{}/{volume}", task.family)));
    docker_name(&format!("berth-{}-{task_id}", &hash[..16]))
}

/// Works out what to do for each of the task's volumes, or why the task cannot start.
pub fn plan(task: &DesiredTask, instance_arn: &str) -> Result<Vec<(String, VolumePlan)>, String> {
    let mut plans = Vec::with_capacity(task.volumes.len());
    for volume in &task.volumes {
        let name = volume.name.clone().unwrap_or_default();
        if name.is_empty() {
            return Err("a task volume has no name".into());
        }
        unsupported(volume, &name)?;
        let own_labels = |user: Option<&BTreeMap<String, String>>| {
            let mut all = user.cloned().unwrap_or_default();
            // berth's labels last, so a user label cannot make the volume another task's.
            all.insert(labels::CLUSTER.into(), task.cluster.clone());
            all.insert(labels::TASK_ARN.into(), task.task_arn.clone());
            all.insert(labels::INSTANCE_ARN.into(), instance_arn.to_string());
            all.insert(labels::VOLUME_NAME.into(), name.clone());
            all
        };
        let plan = match (&volume.docker_volume_configuration, &volume.host) {
            (Some(config), _) if config.scope == Some(Scope::Shared) => VolumePlan::Shared {
                spec: VolumeSpec {
                    name: name.clone(),
                    driver: config.driver.clone(),
                    driver_opts: config.driver_opts.clone().unwrap_or_default(),
                    labels: config.labels.clone().unwrap_or_default(),
                },
                autoprovision: config.autoprovision.unwrap_or(false),
            },
            // ECS's default scope is `task`.
            (Some(config), _) => VolumePlan::Task(VolumeSpec {
                name: task_volume_name(task, &name),
                driver: config.driver.clone(),
                driver_opts: config.driver_opts.clone().unwrap_or_default(),
                labels: own_labels(config.labels.as_ref()),
            }),
            (None, Some(host)) if host.source_path.as_deref().is_some_and(|p| !p.is_empty()) => {
                let path = host.source_path.clone().unwrap_or_default();
                if !path.starts_with('/') {
                    return Err(format!(
                        "volume '{name}': host.sourcePath '{path}' must be an absolute path"
                    ));
                }
                if path.contains([':', ',']) {
                    return Err(format!(
                        "volume '{name}': host.sourcePath '{path}' contains ':' or ',', which \
                         Docker cannot bind-mount"
                    ));
                }
                VolumePlan::Bind { path }
            }
            // No host path: an empty volume that lives as long as the task.
            (None, _) => VolumePlan::Task(VolumeSpec {
                name: task_volume_name(task, &name),
                driver: None,
                driver_opts: BTreeMap::new(),
                labels: own_labels(None),
            }),
        };
        plans.push((name, plan));
    }
    Ok(plans)
}

/// Volume types berth cannot mount (registration should have refused them).
fn unsupported(volume: &Volume, name: &str) -> Result<(), String> {
    let kind = if volume.efs_volume_configuration.is_some() {
        "an Amazon EFS volume (efsVolumeConfiguration)"
    } else if volume
        .fsx_windows_file_server_volume_configuration
        .is_some()
    {
        "an Amazon FSx for Windows File Server volume"
    } else if volume.s3files_volume_configuration.is_some() {
        "an S3 Files volume"
    } else if volume.configured_at_launch == Some(true) {
        "a volume configured at launch (configuredAtLaunch)"
    } else {
        return Ok(());
    };
    Err(format!(
        "volume '{name}' is {kind}, which berth cannot mount; use a host path or a Docker \
         volume (dockerVolumeConfiguration) instead"
    ))
}

/// How an existing shared volume differs from what the task definition asks for, in the
/// words of ECS's agent.
pub fn shared_mismatch(existing: &VolumeInfo, wanted: &VolumeSpec) -> Option<String> {
    if let Some(driver) = &wanted.driver {
        if driver != &existing.driver {
            return Some(format!(
                "initialize volume: shared volume '{}' exists with driver '{}', but the task \
                 definition asks for driver '{driver}'",
                wanted.name, existing.driver
            ));
        }
    }
    if existing.labels != wanted.labels {
        return Some(format!(
            "initialize volume: non-autoprovisioned volume does not match existing volume \
             labels: existing: {:?}, expected: {:?}",
            existing.labels, wanted.labels
        ));
    }
    if existing.options != wanted.driver_opts {
        return Some(format!(
            "initialize volume: non-autoprovisioned volume does not match existing volume \
             options: existing: {:?}, expected: {:?}",
            existing.options, wanted.driver_opts
        ));
    }
    None
}

/// Provides every planned volume (creating the task's own, checking or creating shared
/// ones) and returns what each task definition volume mounts. Idempotent.
pub async fn provide(
    runtime: &dyn ContainerRuntime,
    plans: &[(String, VolumePlan)],
) -> Result<BTreeMap<String, MountSource>, VolumeError> {
    let failed = |name: &str, e: RuntimeError| match e {
        RuntimeError::Unavailable(_) => VolumeError::Unavailable,
        e => VolumeError::Failed(format!("initialize volume: volume '{name}': {e}")),
    };
    let mut sources = BTreeMap::new();
    for (name, plan) in plans {
        let source = match plan {
            VolumePlan::Bind { path } => MountSource::HostPath(path.clone()),
            // Docker answers a create of an existing volume with that volume.
            VolumePlan::Task(spec) => MountSource::Volume(
                runtime
                    .create_volume(spec)
                    .await
                    .map_err(|e| failed(name, e))?
                    .name,
            ),
            VolumePlan::Shared {
                spec,
                autoprovision,
            } => {
                match runtime
                    .volume(&spec.name)
                    .await
                    .map_err(|e| failed(name, e))?
                {
                    Some(existing) => {
                        if *autoprovision {
                            if let Some(message) = shared_mismatch(&existing, spec) {
                                return Err(VolumeError::Failed(message));
                            }
                        }
                    }
                    None if *autoprovision => {
                        runtime
                            .create_volume(spec)
                            .await
                            .map_err(|e| failed(name, e))?;
                    }
                    None => {
                        return Err(VolumeError::Failed(format!(
                            "initialize volume: volume detection failed, volume '{}' does not \
                             exist and autoprovision is set to false",
                            spec.name
                        )))
                    }
                }
                MountSource::Volume(spec.name.clone())
            }
        };
        sources.insert(name.clone(), source);
    }
    Ok(sources)
}

/// A container's `mountPoints` as Docker binds (`source:target[:ro]`).
pub fn binds(
    def: &ContainerDefinition,
    sources: &BTreeMap<String, MountSource>,
) -> Result<Vec<String>, SpecError> {
    let invalid = |message: String| SpecError::Invalid {
        field: "mountPoints",
        message,
    };
    let mut binds = Vec::new();
    for mount in def.mount_points.iter().flatten() {
        let volume = mount.source_volume.as_deref().unwrap_or_default();
        let source = sources.get(volume).ok_or_else(|| {
            invalid(format!(
                "sourceVolume '{volume}' is not a volume of the task"
            ))
        })?;
        let target = mount.container_path.as_deref().unwrap_or_default();
        if !target.starts_with('/') || target.contains([':', ',']) {
            return Err(invalid(format!(
                "containerPath '{target}' must be an absolute path without ':' or ','"
            )));
        }
        let source = match source {
            MountSource::HostPath(path) => path,
            MountSource::Volume(name) => name,
        };
        let mode = if mount.read_only == Some(true) {
            ":ro"
        } else {
            ""
        };
        binds.push(format!("{source}:{target}{mode}"));
    }
    Ok(binds)
}

/// A container's `volumesFrom` as Docker's (`runtime-name[:ro]`).
pub fn volumes_from(task: &DesiredTask, def: &ContainerDefinition) -> Vec<String> {
    def.volumes_from
        .iter()
        .flatten()
        .filter_map(|from| {
            let source = from.source_container.as_deref()?;
            let mode = if from.read_only == Some(true) {
                ":ro"
            } else {
                ""
            };
            Some(format!("{}{mode}", container_name(task, source)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::test_task;
    use berth_api::ecs::{
        DockerVolumeConfiguration, EFSVolumeConfiguration, HostVolumeProperties, MountPoint,
        NetworkMode, VolumeFrom,
    };

    fn task(volumes: Vec<Volume>) -> DesiredTask {
        let mut t = test_task(NetworkMode::Bridge, ContainerDefinition::default());
        t.family = "fam".into();
        t.revision = 2;
        t.volumes = volumes;
        t
    }

    fn volume(name: &str) -> Volume {
        Volume {
            name: Some(name.into()),
            ..Default::default()
        }
    }

    #[test]
    fn each_kind_of_volume_gets_its_plan() {
        let t = task(vec![
            Volume {
                host: Some(HostVolumeProperties {
                    source_path: Some("/srv/data".into()),
                }),
                ..volume("bind")
            },
            volume("scratch"),
            Volume {
                host: Some(HostVolumeProperties { source_path: None }),
                ..volume("hostless")
            },
            Volume {
                docker_volume_configuration: Some(DockerVolumeConfiguration {
                    scope: Some(Scope::Task),
                    driver: Some("local".into()),
                    driver_opts: Some(BTreeMap::from([("type".into(), "tmpfs".into())])),
                    labels: Some(BTreeMap::from([
                        ("team".into(), "a".into()),
                        (labels::TASK_ARN.into(), "spoof".into()),
                    ])),
                    ..Default::default()
                }),
                ..volume("cache")
            },
            Volume {
                docker_volume_configuration: Some(DockerVolumeConfiguration {
                    scope: Some(Scope::Shared),
                    autoprovision: Some(true),
                    ..Default::default()
                }),
                ..volume("shared-data")
            },
        ]);
        let plans = plan(&t, "iarn").expect("plans");
        assert_eq!(
            plans[0].1,
            VolumePlan::Bind {
                path: "/srv/data".into()
            }
        );
        let VolumePlan::Task(scratch) = &plans[1].1 else {
            panic!("scratch is a task volume: {:?}", plans[1]);
        };
        assert_eq!(scratch.name, "berth-fam-2-scratch-abc123");
        assert_eq!(scratch.driver, None);
        assert_eq!(scratch.labels[labels::TASK_ARN], t.task_arn);
        assert_eq!(scratch.labels[labels::INSTANCE_ARN], "iarn");
        assert_eq!(scratch.labels[labels::VOLUME_NAME], "scratch");
        assert!(matches!(plans[2].1, VolumePlan::Task(_)));
        let VolumePlan::Task(cache) = &plans[3].1 else {
            panic!("cache is a task volume");
        };
        assert_eq!(cache.driver_opts["type"], "tmpfs");
        assert_eq!(cache.labels["team"], "a");
        assert_eq!(
            cache.labels[labels::TASK_ARN],
            t.task_arn,
            "user label overridden"
        );
        let VolumePlan::Shared {
            spec,
            autoprovision,
        } = &plans[4].1
        else {
            panic!("shared-data is shared");
        };
        assert_eq!(spec.name, "shared-data");
        assert!(
            spec.labels.is_empty(),
            "a shared volume carries no task labels"
        );
        assert!(*autoprovision);
    }

    #[test]
    fn unsupported_volumes_and_bad_paths_fail_clearly() {
        let efs = task(vec![Volume {
            efs_volume_configuration: Some(EFSVolumeConfiguration {
                file_system_id: "fs-1".into(),
                ..Default::default()
            }),
            ..volume("efs")
        }]);
        let err = plan(&efs, "i").expect_err("efs");
        assert!(err.contains("EFS") && err.contains("'efs'"), "{err}");
        let at_launch = task(vec![Volume {
            configured_at_launch: Some(true),
            ..volume("ebs")
        }]);
        assert!(plan(&at_launch, "i")
            .expect_err("configuredAtLaunch")
            .contains("configuredAtLaunch"));
        let relative = task(vec![Volume {
            host: Some(HostVolumeProperties {
                source_path: Some("data".into()),
            }),
            ..volume("rel")
        }]);
        assert!(plan(&relative, "i")
            .expect_err("relative")
            .contains("absolute"));
    }

    #[test]
    fn long_names_stay_short_and_distinct() {
        let mut t = task(Vec::new());
        t.family = "f".repeat(255);
        let a = task_volume_name(&t, &"v".repeat(255));
        let b = task_volume_name(&t, &format!("{}w", "v".repeat(254)));
        assert!(a.len() <= MAX_VOLUME_NAME, "{}", a.len());
        assert_ne!(a, b);
        assert!(a.ends_with("abc123"));
    }

    #[test]
    fn shared_volume_mismatch_in_ecs_words() {
        let existing = VolumeInfo {
            name: "v".into(),
            driver: "local".into(),
            options: BTreeMap::new(),
            labels: BTreeMap::new(),
        };
        let mut wanted = VolumeSpec {
            name: "v".into(),
            driver: None,
            driver_opts: BTreeMap::new(),
            labels: BTreeMap::new(),
        };
        assert_eq!(shared_mismatch(&existing, &wanted), None);
        wanted.driver_opts.insert("type".into(), "tmpfs".into());
        assert!(shared_mismatch(&existing, &wanted)
            .expect("options differ")
            .contains("does not match existing volume options"));
        wanted.driver_opts.clear();
        wanted.driver = Some("rexray".into());
        assert!(shared_mismatch(&existing, &wanted)
            .expect("driver differs")
            .contains("driver 'local'"));
    }

    #[test]
    fn mounts_become_binds_and_volumes_from_runtime_names() {
        let t = task(Vec::new());
        let sources = BTreeMap::from([
            ("data".to_string(), MountSource::Volume("berth-v".into())),
            (
                "logs".to_string(),
                MountSource::HostPath("/var/log/x".into()),
            ),
        ]);
        let def = ContainerDefinition {
            mount_points: Some(vec![
                MountPoint {
                    source_volume: Some("data".into()),
                    container_path: Some("/data".into()),
                    read_only: Some(true),
                },
                MountPoint {
                    source_volume: Some("logs".into()),
                    container_path: Some("/logs".into()),
                    read_only: None,
                },
            ]),
            volumes_from: Some(vec![VolumeFrom {
                source_container: Some("writer".into()),
                read_only: Some(true),
            }]),
            ..Default::default()
        };
        assert_eq!(
            binds(&def, &sources).expect("binds"),
            vec![
                "berth-v:/data:ro".to_string(),
                "/var/log/x:/logs".to_string()
            ]
        );
        assert_eq!(
            volumes_from(&t, &def),
            vec!["berth-fam-2-writer-abc123:ro".to_string()]
        );
        let missing = ContainerDefinition {
            mount_points: Some(vec![MountPoint {
                source_volume: Some("nope".into()),
                container_path: Some("/x".into()),
                read_only: None,
            }]),
            ..Default::default()
        };
        assert!(binds(&missing, &sources).is_err());
    }
}
