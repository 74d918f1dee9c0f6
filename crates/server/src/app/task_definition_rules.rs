//! The semantic rules ECS applies to a `RegisterTaskDefinition` request.
//!
//! The generated model check (`berth_api::Validate`) has already enforced the botocore
//! limits (string lengths, list sizes, enum spellings) by the time this runs. What is
//! left are the rules that tie fields together: names and images, the launch types in
//! `requiresCompatibilities` against the network mode and the task size, container
//! memory against task memory, port mappings that would clash on a host, `dependsOn`
//! and `links` graphs, mount points against volumes, and so on.
//!
//! It also refuses the members berth does not apply (EFS volumes, environment files, …;
//! `crate::fields` lists them), so that nothing registered is silently ignored later.
//!
//! [`validate_registration`] stops at the first broken rule, as ECS does, and returns a
//! [`RuleViolation`] whose message names the offending field and says what to change.
//! Where the real ECS message is known it is kept as the opening sentence, so that
//! scripts matching on it keep working, and berth adds the hint after it.
//!
//! The module is pure (only `berth_api` and `std`) so that it can be tested without a
//! server, and so that [`parse_cpu`] and [`parse_memory`] can be reused wherever a task
//! size string has to be turned into units.

use std::collections::{HashMap, HashSet};
use std::fmt;

use berth_api::ecs::{
    Compatibility, ContainerCondition, ContainerDefinition, HealthCheck, NetworkMode, OSFamily,
    PidMode, PortMapping, RegisterTaskDefinitionRequest, ResourceType, TransportProtocol, Ulimit,
    VersionConsistency,
};
use berth_api::protocol::MAX_GPUS;

use super::log_options::{self, LogConfigError};

/// The most container definitions one task definition may hold (an ECS service quota).
pub const MAX_CONTAINERS: usize = 10;
/// The most placement constraints a task definition may carry.
pub const MAX_PLACEMENT_CONSTRAINTS: usize = 10;
/// The most `containerPortRange` mappings one container may have.
pub const MAX_PORT_RANGES_PER_CONTAINER: usize = 100;
/// Docker 20.10+ refuses a memory limit below 6 MiB, so ECS documents it as the floor.
pub const MIN_CONTAINER_MEMORY_MIB: i32 = 6;
/// Task-level CPU bounds for tasks on EC2 or external instances (0.125 to 192 vCPUs).
pub const EC2_TASK_CPU_RANGE: (i32, i32) = (128, 196_608);

/// The longest name ECS accepts for a family, container, volume or link alias.
const MAX_NAME_LEN: usize = 255;
/// The longest port-mapping `name` (Service Connect uses it as a DNS-ish label).
const MAX_PORT_NAME_LEN: usize = 64;

/// Which ECS exception a broken rule is reported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViolationKind {
    /// `InvalidParameterException`: a value cannot be read at all.
    InvalidParameter,
    /// `ClientException`: the values are well formed but break an ECS rule. ECS uses it
    /// for nearly every task-definition rule.
    Client,
}

/// A rule of `RegisterTaskDefinition` that the request breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleViolation {
    pub kind: ViolationKind,
    /// Shown to the user as the exception message.
    pub message: String,
}

impl RuleViolation {
    fn client(message: impl Into<String>) -> Self {
        Self {
            kind: ViolationKind::Client,
            message: message.into(),
        }
    }

    fn invalid(message: impl Into<String>) -> Self {
        Self {
            kind: ViolationKind::InvalidParameter,
            message: message.into(),
        }
    }
}

impl fmt::Display for RuleViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleViolation {}

type Rule = Result<(), RuleViolation>;

/// Checks a request against ECS's `RegisterTaskDefinition` rules, stopping at the first
/// one it breaks.
pub fn validate_registration(req: &RegisterTaskDefinitionRequest) -> Result<(), RuleViolation> {
    check_family(&req.family)?;
    check_container_count(req.container_definitions.len())?;
    let names = check_container_names(&req.container_definitions)?;
    for (container, name) in req.container_definitions.iter().zip(&names) {
        check_image(name, container.image.as_deref())?;
    }
    check_essential(&req.container_definitions)?;

    let ctx = Ctx::new(req, names)?;
    check_unsupported(&ctx)?;
    check_network_mode(&ctx)?;
    check_task_size(&ctx)?;
    check_fargate_task_features(&ctx)?;
    for (i, container) in ctx.containers.iter().enumerate() {
        check_container(&ctx, ctx.name(i), container)?;
    }
    check_resource_totals(&ctx)?;
    check_port_mappings(&ctx)?;
    check_links(&ctx)?;
    check_depends_on(&ctx)?;
    check_volumes(&ctx)?;
    check_placement_constraints(&ctx)?;
    check_tags(req)?;
    Ok(())
}

/// How many GPUs container `name` reserves: the value of its `GPU` resource requirement
/// (0 without one). The value must be a whole number from 1 to [`MAX_GPUS`], given once;
/// ECS's newer `ALL` and fractional values are refused. RunTask checks overridden
/// requirements with the same rule.
pub fn container_gpus(name: &str, c: &ContainerDefinition) -> Result<u32, RuleViolation> {
    let mut gpus = None;
    for requirement in c.resource_requirements.iter().flatten() {
        if requirement.type_ != ResourceType::Gpu {
            continue;
        }
        if gpus.is_some() {
            return Err(RuleViolation::client(format!(
                "Invalid 'resourceRequirements' setting for container '{name}'. The GPU \
                 requirement is given more than once; give one with the number of GPUs."
            )));
        }
        let value = requirement.value.trim();
        let count = value
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_GPUS as u32).contains(n));
        let Some(count) = count else {
            let hint = if value.eq_ignore_ascii_case("all") || value.contains('.') {
                " berth gives whole GPUs only and does not take 'ALL'; give the number of GPUs."
            } else {
                ""
            };
            return Err(RuleViolation::client(format!(
                "Invalid 'resourceRequirements' setting for container '{name}'. The GPU value \
                 must be a whole number of GPUs from 1 to {MAX_GPUS}; '{value}' was \
                 given.{hint}"
            )));
        };
        gpus = Some(count);
    }
    Ok(gpus.unwrap_or(0))
}

/// Parses a task-level `cpu` value into CPU units: either a whole number of units
/// (`"1024"`) or vCPUs with a `vCPU` suffix in any case (`"1 vCPU"`, `"0.5vcpu"`), as
/// ECS converts them at registration. 1 vCPU is 1024 units.
pub fn parse_cpu(value: &str) -> Result<i32, RuleViolation> {
    let unreadable = || {
        RuleViolation::invalid(format!(
            "Invalid 'cpu' setting for task. '{value}' is not a CPU size: give whole CPU \
             units (for example '1024') or vCPUs (for example '1 vCPU' or '0.5 vcpu')."
        ))
    };
    let text = value.trim();
    let lower = text.to_ascii_lowercase();
    let units = match lower.strip_suffix("vcpu") {
        Some(number) => scaled_decimal(number.trim_end(), 1024).ok_or_else(|| {
            RuleViolation::invalid(format!(
                "Invalid 'cpu' setting for task. '{value}' is not a whole number of CPU \
                 units once converted (1 vCPU = 1024 units); use for example '0.25 vCPU' \
                 or '256'."
            ))
        })?,
        None => scaled_decimal_integer(text).ok_or_else(unreadable)?,
    };
    i32::try_from(units).map_err(|_| {
        RuleViolation::invalid(format!(
            "Invalid 'cpu' setting for task. '{value}' is too large; the most ECS accepts \
             is {} CPU units.",
            EC2_TASK_CPU_RANGE.1
        ))
    })
}

/// Parses a task-level `memory` value into MiB: either a whole number of MiB (`"512"`)
/// or gigabytes with a `GB` suffix in any case (`"2 GB"`, `"0.5gb"`), as ECS converts
/// them at registration. 1 GB is 1024 MiB.
pub fn parse_memory(value: &str) -> Result<i64, RuleViolation> {
    let text = value.trim();
    let lower = text.to_ascii_lowercase();
    let mib = match lower.strip_suffix("gb") {
        Some(number) => scaled_decimal(number.trim_end(), 1024).ok_or_else(|| {
            RuleViolation::invalid(format!(
                "Invalid 'memory' setting for task. '{value}' is not a whole number of MiB \
                 once converted (1 GB = 1024 MiB); use for example '0.5 GB' or '512'."
            ))
        })?,
        None => scaled_decimal_integer(text).ok_or_else(|| {
            RuleViolation::invalid(format!(
                "Invalid 'memory' setting for task. '{value}' is not a memory size: give \
                 whole MiB (for example '512') or GB (for example '2 GB' or '0.5gb')."
            ))
        })?,
    };
    i64::try_from(mib).map_err(|_| {
        RuleViolation::invalid(format!(
            "Invalid 'memory' setting for task. '{value}' is too large."
        ))
    })
}

/// A plain run of ASCII digits, as a number.
fn scaled_decimal_integer(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `number * scale` for a decimal such as `"0.25"`, `"2"` or `".5"`, computed exactly
/// (no floating point) and only when the product is a whole number.
fn scaled_decimal(number: &str, scale: u64) -> Option<u64> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    // More than 9 fractional digits cannot yield a whole number for the scales used here
    // unless they are trailing zeros, and bounding them keeps 10^n inside u64.
    let fraction = fraction.trim_end_matches('0');
    if !digits_only(whole) || !digits_only(fraction) || fraction.len() > 9 {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut result = whole.checked_mul(scale)?;
    if !fraction.is_empty() {
        let numerator: u64 = fraction.parse().ok()?;
        let denominator = 10u64.checked_pow(u32::try_from(fraction.len()).ok()?)?;
        let scaled = numerator.checked_mul(scale)?;
        if scaled % denominator != 0 {
            return None;
        }
        result = result.checked_add(scaled / denominator)?;
    }
    Some(result)
}

/// What the whole request implies, worked out once after the basic shape is known good.
struct Ctx<'a> {
    req: &'a RegisterTaskDefinitionRequest,
    containers: &'a [ContainerDefinition],
    /// Container names, index-aligned with `containers`; all valid and distinct.
    names: Vec<&'a str>,
    index: HashMap<&'a str, usize>,
    /// `networkMode`, or ECS's default of `bridge` when it is absent.
    mode: NetworkMode,
    fargate: bool,
    /// EC2, EXTERNAL or `MANAGED_INSTANCES`, or no `requiresCompatibilities` at all (ECS
    /// then validates as it does for EC2).
    instance_hosted: bool,
    external: bool,
    task_cpu: Option<i32>,
    task_memory: Option<i64>,
}

impl<'a> Ctx<'a> {
    fn new(
        req: &'a RegisterTaskDefinitionRequest,
        names: Vec<&'a str>,
    ) -> Result<Self, RuleViolation> {
        let compat = req.requires_compatibilities.as_deref().unwrap_or_default();
        let has = |c: Compatibility| compat.contains(&c);
        let index = names
            .iter()
            .enumerate()
            .map(|(i, name)| (*name, i))
            .collect();
        Ok(Self {
            req,
            containers: &req.container_definitions,
            names,
            index,
            mode: req.network_mode.unwrap_or(NetworkMode::Bridge),
            fargate: has(Compatibility::Fargate),
            instance_hosted: compat.is_empty()
                || has(Compatibility::Ec2)
                || has(Compatibility::External)
                || has(Compatibility::ManagedInstances),
            external: has(Compatibility::External),
            task_cpu: req.cpu.as_deref().map(parse_cpu).transpose()?,
            task_memory: req.memory.as_deref().map(parse_memory).transpose()?,
        })
    }

    fn name(&self, i: usize) -> &'a str {
        self.names.get(i).copied().unwrap_or_default()
    }

    fn container(&self, name: &str) -> Option<&'a ContainerDefinition> {
        self.index.get(name).and_then(|&i| self.containers.get(i))
    }
}

/// Letters, numbers, hyphens and underscores: ECS's alphabet for families, container
/// names, volume names and link aliases. ASCII only, as ECS's `^[a-zA-Z0-9\-_]+$`.
fn is_ecs_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The first character of `s` that `allowed` rejects.
fn first_bad_char(s: &str, allowed: impl Fn(char) -> bool) -> Option<char> {
    s.chars().find(|&c| !allowed(c))
}

fn check_family(family: &str) -> Rule {
    if family.is_empty() {
        return Err(RuleViolation::client(
            "Family should not be null or empty. Name the task definition family with up to \
             255 letters, numbers, hyphens and underscores.",
        ));
    }
    if let Some(c) = first_bad_char(family, is_ecs_name_char) {
        return Err(RuleViolation::client(format!(
            "Family contains invalid characters. '{family}' contains {c:?}; use only letters, \
             numbers, hyphens and underscores."
        )));
    }
    let len = family.chars().count();
    if len > MAX_NAME_LEN {
        return Err(RuleViolation::client(format!(
            "Family is too long: {len} characters, and at most {MAX_NAME_LEN} are allowed."
        )));
    }
    Ok(())
}

fn check_container_count(count: usize) -> Rule {
    if count == 0 {
        return Err(RuleViolation::client(
            "Container list cannot be empty. Give at least one container definition.",
        ));
    }
    if count > MAX_CONTAINERS {
        return Err(RuleViolation::client(format!(
            "Too many containers: a task definition can have at most {MAX_CONTAINERS} \
             container definitions, and this one has {count}. Split the containers across \
             several task definitions."
        )));
    }
    Ok(())
}

/// Checks every container's name and that no two are the same; returns them in order.
fn check_container_names(containers: &[ContainerDefinition]) -> Result<Vec<&str>, RuleViolation> {
    let mut names = Vec::with_capacity(containers.len());
    let mut seen = HashSet::new();
    for (i, container) in containers.iter().enumerate() {
        let name = container.name.as_deref().unwrap_or_default();
        if name.is_empty() {
            return Err(RuleViolation::client(format!(
                "Container.name should not be null or empty. Give container definition #{} \
                 a name of letters, numbers, hyphens and underscores.",
                i + 1
            )));
        }
        if let Some(c) = first_bad_char(name, is_ecs_name_char) {
            return Err(RuleViolation::client(format!(
                "Container.name contains invalid characters. '{name}' contains {c:?}; use only \
                 letters, numbers, hyphens and underscores."
            )));
        }
        let len = name.chars().count();
        if len > MAX_NAME_LEN {
            return Err(RuleViolation::client(format!(
                "Container.name is too long: '{name}' has {len} characters, and at most \
                 {MAX_NAME_LEN} are allowed."
            )));
        }
        if !seen.insert(name) {
            return Err(RuleViolation::client(format!(
                "Duplicate container name '{name}'. Container names must be unique within a \
                 task definition."
            )));
        }
        names.push(name);
    }
    Ok(names)
}

/// Images are `repository-url/image:tag` (up to 255 of letters, numbers, hyphens,
/// underscores, colons, periods, slashes and `#`) or `repository-url/image@sha256:<64 hex>`
/// (where the 255 limit applies to the part before `@`).
fn check_image(container: &str, image: Option<&str>) -> Rule {
    let image = image.unwrap_or_default();
    if image.trim().is_empty() {
        return Err(RuleViolation::client(format!(
            "Container.image should not be null or empty. Set 'image' on container \
             '{container}' (for example 'nginx:latest')."
        )));
    }
    let (repository, digest) = match image.split_once('@') {
        Some((repository, digest)) => (repository, Some(digest)),
        None => (image, None),
    };
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-_:./#".contains(c);
    if repository.is_empty() {
        return Err(RuleViolation::client(format!(
            "Invalid 'image' setting for container '{container}'. '{image}' has no repository \
             before '@'."
        )));
    }
    if let Some(c) = first_bad_char(repository, allowed) {
        return Err(RuleViolation::client(format!(
            "Invalid 'image' setting for container '{container}'. '{image}' contains {c:?}; \
             image names may use only letters, numbers, hyphens, underscores, colons, \
             periods, forward slashes and '#'."
        )));
    }
    let len = repository.chars().count();
    if len > MAX_NAME_LEN {
        return Err(RuleViolation::client(format!(
            "Invalid 'image' setting for container '{container}'. The image name has {len} \
             characters (before any '@' digest), and at most {MAX_NAME_LEN} are allowed."
        )));
    }
    if let Some(digest) = digest {
        let hex = digest.strip_prefix("sha256:").unwrap_or_default();
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(RuleViolation::client(format!(
                "Invalid 'image' setting for container '{container}'. The digest '{digest}' \
                 must be 'sha256:' followed by exactly 64 hexadecimal characters."
            )));
        }
    }
    Ok(())
}

fn check_essential(containers: &[ContainerDefinition]) -> Rule {
    // `essential` defaults to true when absent.
    if containers.iter().any(|c| c.essential.unwrap_or(true)) {
        return Ok(());
    }
    Err(RuleViolation::client(
        "Task definition doesn't have any essential container. Set 'essential' to true on at \
         least one container (it defaults to true when omitted).",
    ))
}

/// A member berth refuses (see `crate::fields`), named as the user wrote it.
fn unsupported(field: &str, why: &str) -> RuleViolation {
    RuleViolation::client(format!("'{field}' is not supported by berth. {why}"))
}

/// A container member berth refuses.
fn unsupported_in(container: &str, field: &str, why: &str) -> RuleViolation {
    RuleViolation::client(format!(
        "Container '{container}': '{field}' is not supported by berth. {why}"
    ))
}

/// The members berth refuses rather than store and ignore; `crate::fields` lists them.
fn check_unsupported(ctx: &Ctx<'_>) -> Rule {
    let req = ctx.req;
    if req.proxy_configuration.is_some() {
        return Err(unsupported(
            "proxyConfiguration",
            "An App Mesh proxy needs the awsvpc CNI plugins, which berth does not have; remove \
             it.",
        ));
    }
    if req
        .inference_accelerators
        .as_ref()
        .is_some_and(|a| !a.is_empty())
    {
        return Err(unsupported(
            "inferenceAccelerators",
            "Elastic Inference accelerators do not exist on berth's hosts; remove them.",
        ));
    }
    if req.ephemeral_storage.is_some() {
        return Err(unsupported(
            "ephemeralStorage",
            "It sizes Fargate task storage; tasks on berth's instances use the host's Docker \
             storage. Remove it.",
        ));
    }
    if let Some(family) = req
        .runtime_platform
        .as_ref()
        .and_then(|p| p.operating_system_family)
        .filter(|f| *f != OSFamily::Linux)
    {
        return Err(unsupported(
            "runtimePlatform.operatingSystemFamily",
            &format!(
                "berth runs Linux containers only, not {}; use LINUX.",
                family.as_str()
            ),
        ));
    }
    if req.enable_fault_injection == Some(true) {
        return Err(unsupported(
            "enableFaultInjection",
            "berth has no fault injection endpoints; set it to false or remove it.",
        ));
    }
    for volume in req.volumes.as_deref().unwrap_or_default() {
        let name = volume.name.as_deref().unwrap_or_default();
        let refused = [
            (
                volume.efs_volume_configuration.is_some(),
                "efsVolumeConfiguration",
                "berth has no Amazon EFS",
            ),
            (
                volume.s3files_volume_configuration.is_some(),
                "s3filesVolumeConfiguration",
                "berth has no Amazon S3 Files",
            ),
            (
                volume
                    .fsx_windows_file_server_volume_configuration
                    .is_some(),
                "fsxWindowsFileServerVolumeConfiguration",
                "FSx for Windows File Server volumes need Windows containers",
            ),
        ];
        if let Some((_, field, why)) = refused.iter().find(|(given, ..)| *given) {
            return Err(RuleViolation::client(format!(
                "Volume '{name}': '{field}' is not supported by berth; {why}. Use a host or \
                 Docker volume ('host' or 'dockerVolumeConfiguration')."
            )));
        }
        if volume.configured_at_launch == Some(true) {
            return Err(RuleViolation::client(format!(
                "Volume '{name}': 'configuredAtLaunch' is not supported by berth. It pairs with \
                 the volumeConfigurations of RunTask and CreateService (Amazon EBS), which berth \
                 does not have; remove it or set it to false."
            )));
        }
    }
    for (i, c) in ctx.containers.iter().enumerate() {
        check_unsupported_container(ctx.name(i), c)?;
    }
    Ok(())
}

fn check_unsupported_container(name: &str, c: &ContainerDefinition) -> Rule {
    if c.environment_files.as_ref().is_some_and(|f| !f.is_empty()) {
        return Err(unsupported_in(
            name,
            "environmentFiles",
            "Environment files are read from Amazon S3 (their only type is s3), which berth \
             does not have; put the variables in 'environment'.",
        ));
    }
    if c.firelens_configuration.is_some() {
        return Err(unsupported_in(
            name,
            "firelensConfiguration",
            "FireLens needs the awsfirelens log driver, which berth does not offer; use a \
             json-file, syslog, journald or awslogs logConfiguration.",
        ));
    }
    if c.credential_specs.as_ref().is_some_and(|s| !s.is_empty()) {
        return Err(unsupported_in(
            name,
            "credentialSpecs",
            "gMSA credential specs need hosts joined to Active Directory, which berth's are \
             not; remove them.",
        ));
    }
    if c.resource_requirements
        .iter()
        .flatten()
        .any(|r| r.type_ == ResourceType::InferenceAccelerator)
    {
        return Err(unsupported_in(
            name,
            "resourceRequirements.type",
            "InferenceAccelerator: Elastic Inference accelerators do not exist on berth's \
             hosts. Only GPU requirements are accepted.",
        ));
    }
    if c.version_consistency == Some(VersionConsistency::Enabled) {
        return Err(unsupported_in(
            name,
            "versionConsistency",
            "'enabled' would pin each deployment to one image digest, which berth does not do: \
             it runs the image as tagged. Set it to 'disabled' (what berth does) or remove it.",
        ));
    }
    if let Some(config) = &c.log_configuration {
        let field = match log_options::check(config) {
            Ok(()) => return Ok(()),
            Err(LogConfigError::UnsupportedDriver(message)) => {
                return Err(RuleViolation::client(format!(
                    "Container '{name}': 'logConfiguration.logDriver' is not supported. {message}"
                )))
            }
            Err(LogConfigError::SecretOptions) => {
                return Err(unsupported_in(
                    name,
                    "logConfiguration.secretOptions",
                    "Log driver secrets are not available; put the value in \
                     'logConfiguration.options'.",
                ))
            }
            Err(LogConfigError::Option(message)) => message,
        };
        return Err(RuleViolation::client(format!(
            "Invalid 'logConfiguration.options' setting for container '{name}'. {field}"
        )));
    }
    Ok(())
}

fn check_network_mode(ctx: &Ctx<'_>) -> Rule {
    if ctx.fargate && ctx.mode != NetworkMode::Awsvpc {
        let given = match ctx.req.network_mode {
            Some(mode) => format!("networkMode is '{}'", mode.as_str()),
            None => "networkMode is not set (it defaults to 'bridge')".to_owned(),
        };
        return Err(RuleViolation::client(format!(
            "Fargate only supports network mode 'awsvpc'. The task definition requires FARGATE \
             compatibility but {given}; set networkMode to 'awsvpc'."
        )));
    }
    if ctx.external && ctx.mode == NetworkMode::Awsvpc {
        return Err(RuleViolation::client(
            "External instances do not support network mode 'awsvpc'. The task definition \
             requires EXTERNAL compatibility; use networkMode 'bridge', 'host' or 'none'.",
        ));
    }
    Ok(())
}

/// The task memory sizes (MiB) Fargate offers for one task CPU size.
enum FargateMemory {
    /// Exactly these sizes.
    OneOf(&'static [i64]),
    /// `first..=last` in steps of `step`.
    Steps { first: i64, last: i64, step: i64 },
}

/// Fargate's table of CPU and memory combinations (Linux; 8192 and 16384 CPU units need
/// platform 1.4.0, which berth does not model).
fn fargate_memory(cpu: i32) -> Option<FargateMemory> {
    const GB: i64 = 1024;
    let steps = |first, last, step| Some(FargateMemory::Steps { first, last, step });
    match cpu {
        256 => Some(FargateMemory::OneOf(&[512, GB, 2 * GB])),
        512 => steps(GB, 4 * GB, GB),
        1024 => steps(2 * GB, 8 * GB, GB),
        2048 => steps(4 * GB, 16 * GB, GB),
        4096 => steps(8 * GB, 30 * GB, GB),
        8192 => steps(16 * GB, 60 * GB, 4 * GB),
        16384 => steps(32 * GB, 120 * GB, 8 * GB),
        _ => None,
    }
}

fn fargate_allows(cpu: i32, memory: i64) -> bool {
    match fargate_memory(cpu) {
        Some(FargateMemory::OneOf(sizes)) => sizes.contains(&memory),
        Some(FargateMemory::Steps { first, last, step }) => {
            (first..=last).contains(&memory) && (memory - first) % step == 0
        }
        None => false,
    }
}

fn fargate_memory_hint(cpu: i32) -> String {
    match fargate_memory(cpu) {
        Some(FargateMemory::OneOf(sizes)) => {
            let sizes: Vec<String> = sizes.iter().map(i64::to_string).collect();
            format!(
                "With {cpu} CPU units Fargate offers {} MiB.",
                sizes.join(", ")
            )
        }
        Some(FargateMemory::Steps { first, last, step }) => format!(
            "With {cpu} CPU units Fargate offers {first} to {last} MiB in steps of {step} MiB."
        ),
        None => {
            "Fargate task cpu must be 256, 512, 1024, 2048, 4096, 8192 or 16384 units.".to_owned()
        }
    }
}

/// Whether a task of this size fits one of Fargate's CPU and memory combinations; the
/// error says which memory sizes go with the CPU. RunTask checks overridden sizes with it.
pub fn check_fargate_size(cpu: i32, memory: i64) -> Result<(), RuleViolation> {
    if fargate_allows(cpu, memory) {
        return Ok(());
    }
    Err(RuleViolation::client(format!(
        "No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. \
         {} See the Amazon ECS documentation for the valid values.",
        fargate_memory_hint(cpu)
    )))
}

fn check_task_size(ctx: &Ctx<'_>) -> Rule {
    if ctx.fargate {
        let Some(cpu) = ctx.task_cpu else {
            return Err(RuleViolation::client(
                "Fargate requires that 'cpu' be defined at the task level. Set the task's \
                 'cpu' (for example '256' or '1 vCPU').",
            ));
        };
        let Some(memory) = ctx.task_memory else {
            return Err(RuleViolation::client(
                "Fargate requires that 'memory' be defined at the task level. Set the task's \
                 'memory' (for example '512' or '2 GB').",
            ));
        };
        check_fargate_size(cpu, memory)?;
    }
    if let Some(cpu) = ctx.task_cpu {
        let (min, max) = EC2_TASK_CPU_RANGE;
        if ctx.instance_hosted && !(min..=max).contains(&cpu) {
            return Err(RuleViolation::client(format!(
                "Invalid 'cpu' setting for task. Task cpu must be between {min} and {max} CPU \
                 units (0.125 to 192 vCPUs); {cpu} was given."
            )));
        }
    }
    if let Some(memory) = ctx.task_memory {
        // A task smaller than Docker's smallest container could never start.
        if memory < i64::from(MIN_CONTAINER_MEMORY_MIB) {
            return Err(RuleViolation::client(format!(
                "Invalid 'memory' setting for task. Task memory must be at least \
                 {MIN_CONTAINER_MEMORY_MIB} MiB; {memory} was given."
            )));
        }
    }
    Ok(())
}

/// Task-level settings Fargate does not support.
fn check_fargate_task_features(ctx: &Ctx<'_>) -> Rule {
    if !ctx.fargate {
        return Ok(());
    }
    if ctx.req.ipc_mode.is_some() {
        return Err(RuleViolation::client(
            "Tasks using the Fargate launch type do not support ipcMode. Remove 'ipcMode' or \
             drop FARGATE from requiresCompatibilities.",
        ));
    }
    if ctx.req.pid_mode == Some(PidMode::Host) {
        return Err(RuleViolation::client(
            "Tasks using the Fargate launch type do not support pidMode 'host'. Use pidMode \
             'task' or remove it.",
        ));
    }
    if ctx
        .req
        .placement_constraints
        .as_deref()
        .is_some_and(|p| !p.is_empty())
    {
        return Err(RuleViolation::client(
            "Tasks using the Fargate launch type do not support placement constraints. Remove \
             'placementConstraints' or drop FARGATE from requiresCompatibilities.",
        ));
    }
    for volume in ctx.req.volumes.as_deref().unwrap_or_default() {
        let name = volume.name.as_deref().unwrap_or_default();
        if volume
            .host
            .as_ref()
            .and_then(|h| h.source_path.as_deref())
            .is_some()
        {
            return Err(RuleViolation::client(format!(
                "Tasks using the Fargate launch type do not support host volumes with a \
                 sourcePath. Remove 'host.sourcePath' from volume '{name}' to use a task-scoped \
                 bind mount."
            )));
        }
        if volume.docker_volume_configuration.is_some() {
            return Err(RuleViolation::client(format!(
                "Tasks using the Fargate launch type do not support Docker volumes. Remove \
                 'dockerVolumeConfiguration' from volume '{name}'."
            )));
        }
    }
    Ok(())
}

/// The rules that look at one container on its own.
fn check_container(ctx: &Ctx<'_>, name: &str, c: &ContainerDefinition) -> Rule {
    check_container_resources(ctx, name, c)?;
    check_timeouts(ctx, name, c)?;
    if let Some(health) = &c.health_check {
        check_health_check(name, health)?;
    }
    for variable in c.environment.as_deref().unwrap_or_default() {
        if variable.name.as_deref().unwrap_or_default().is_empty() {
            return Err(RuleViolation::client(format!(
                "Invalid 'environment' setting for container '{name}'. Every environment \
                 variable needs a non-empty 'name'."
            )));
        }
    }
    for secret in c.secrets.as_deref().unwrap_or_default() {
        if secret.name.is_empty() {
            return Err(RuleViolation::client(format!(
                "Invalid 'secrets' setting for container '{name}'. Every secret needs a \
                 non-empty 'name'."
            )));
        }
    }
    check_ulimits(name, c.ulimits.as_deref().unwrap_or_default())?;
    check_agent_settings(name, c)?;
    if ctx.mode == NetworkMode::Awsvpc {
        if c.hostname.is_some() {
            return Err(RuleViolation::client(format!(
                "The hostname parameter is not supported with network mode 'awsvpc'. Remove \
                 'hostname' from container '{name}'."
            )));
        }
        if c.extra_hosts.as_deref().is_some_and(|h| !h.is_empty()) {
            return Err(RuleViolation::client(format!(
                "The extraHosts parameter is not supported with network mode 'awsvpc'. Remove \
                 'extraHosts' from container '{name}'."
            )));
        }
    }
    if ctx.fargate {
        check_fargate_container(name, c)?;
    }
    Ok(())
}

/// ECS's restart policy bounds: a container must run 60 s to 30 min before it may restart,
/// and at most 50 exit codes may be ignored.
pub const RESTART_ATTEMPT_PERIOD_RANGE: (i32, i32) = (60, 1800);
pub const MAX_IGNORED_EXIT_CODES: usize = 50;

/// The settings the agent applies through Docker that ECS checks at registration: the
/// restart policy's bounds, security options, swap, and sysctls.
fn check_agent_settings(name: &str, c: &ContainerDefinition) -> Rule {
    if let Some(policy) = &c.restart_policy {
        let (low, high) = RESTART_ATTEMPT_PERIOD_RANGE;
        if let Some(period) = policy.restart_attempt_period {
            if !(low..=high).contains(&period) {
                return Err(RuleViolation::client(format!(
                    "Invalid 'restartPolicy' setting for container '{name}'.                      restartAttemptPeriod must be between {low} and {high} seconds, not {period}."
                )));
            }
        }
        let ignored = policy.ignored_exit_codes.as_deref().unwrap_or_default();
        if ignored.len() > MAX_IGNORED_EXIT_CODES {
            return Err(RuleViolation::client(format!(
                "Invalid 'restartPolicy' setting for container '{name}'. ignoredExitCodes may                  list at most {MAX_IGNORED_EXIT_CODES} exit codes, not {}.",
                ignored.len()
            )));
        }
    }
    for option in c.docker_security_options.as_deref().unwrap_or_default() {
        let (kind, value) = option
            .split_once([':', '='])
            .unwrap_or((option.as_str(), ""));
        let known = match kind {
            "no-new-privileges" => true,
            "apparmor" | "label" | "seccomp" => !value.is_empty(),
            _ => false,
        };
        if kind == "credentialspec" {
            return Err(RuleViolation::client(format!(
                "Invalid 'dockerSecurityOptions' setting for container '{name}'.                  'credentialspec:' is for Windows containers with gMSA, which berth does not                  run; remove it."
            )));
        }
        if !known {
            return Err(RuleViolation::client(format!(
                "Invalid 'dockerSecurityOptions' setting for container '{name}'. '{option}' is                  not one of no-new-privileges, apparmor:PROFILE, label:VALUE or                  seccomp:PROFILE."
            )));
        }
    }
    if let Some(linux) = &c.linux_parameters {
        if linux.max_swap.is_some() && c.memory.is_none() {
            return Err(RuleViolation::client(format!(
                "Invalid 'linuxParameters' setting for container '{name}'. maxSwap needs the                  container's hard 'memory' limit; set 'memory' or remove 'maxSwap'."
            )));
        }
    }
    for control in c.system_controls.as_deref().unwrap_or_default() {
        let namespace = control.namespace.as_deref().unwrap_or_default();
        if namespace.is_empty() || control.value.as_deref().is_none() {
            return Err(RuleViolation::client(format!(
                "Invalid 'systemControls' setting for container '{name}'. Every entry needs a                  'namespace' (the sysctl, e.g. net.core.somaxconn) and a 'value'."
            )));
        }
    }
    Ok(())
}

fn check_container_resources(ctx: &Ctx<'_>, name: &str, c: &ContainerDefinition) -> Rule {
    container_gpus(name, c)?;
    if let Some(cpu) = c.cpu {
        if cpu < 0 {
            return Err(RuleViolation::client(format!(
                "Invalid 'cpu' setting for container '{name}'. CPU units cannot be negative; \
                 {cpu} was given."
            )));
        }
    }
    for (field, value) in [
        ("memory", c.memory),
        ("memoryReservation", c.memory_reservation),
    ] {
        if let Some(mib) = value {
            if mib < MIN_CONTAINER_MEMORY_MIB {
                return Err(RuleViolation::client(format!(
                    "Invalid '{field}' setting for container '{name}'. It must be at least \
                     {MIN_CONTAINER_MEMORY_MIB} MiB (Docker's minimum); {mib} was given."
                )));
            }
        }
    }
    if let (Some(limit), Some(reservation)) = (c.memory, c.memory_reservation) {
        if reservation > limit {
            return Err(RuleViolation::client(format!(
                "Invalid 'memoryReservation' setting for container '{name}'. The reservation \
                 ({reservation} MiB) must be less than or equal to the memory hard limit \
                 'memory' ({limit} MiB)."
            )));
        }
    }
    if ctx.instance_hosted
        && ctx.task_memory.is_none()
        && c.memory.is_none()
        && c.memory_reservation.is_none()
    {
        return Err(RuleViolation::client(format!(
            "Invalid setting for container '{name}'. At least one of 'memory' or \
             'memoryReservation' must be specified, unless the task-level 'memory' is set."
        )));
    }
    if let (Some(task), Some(limit)) = (ctx.task_memory, c.memory) {
        if i64::from(limit) > task {
            return Err(RuleViolation::client(format!(
                "Invalid 'memory' setting for container '{name}'. The container's memory limit \
                 ({limit} MiB) is greater than the task memory ({task} MiB)."
            )));
        }
    }
    if let (Some(task), Some(cpu)) = (ctx.task_cpu, c.cpu) {
        if cpu > task {
            return Err(RuleViolation::client(format!(
                "Invalid 'cpu' setting for container '{name}'. The container's {cpu} CPU units \
                 are more than the task cpu ({task} units)."
            )));
        }
    }
    Ok(())
}

fn check_timeouts(ctx: &Ctx<'_>, name: &str, c: &ContainerDefinition) -> Rule {
    // Fargate documents 2..=120 s for both; on instances ECS documents no maximum, and
    // a start timeout below 2 s could never be met.
    if let Some(start) = c.start_timeout {
        let max = if ctx.fargate { 120 } else { i32::MAX };
        if !(2..=max).contains(&start) {
            let range = if ctx.fargate {
                "between 2 and 120"
            } else {
                "at least 2"
            };
            return Err(RuleViolation::client(format!(
                "Invalid 'startTimeout' setting for container '{name}'. It must be {range} \
                 seconds; {start} was given."
            )));
        }
    }
    if let Some(stop) = c.stop_timeout {
        let (min, max, range) = if ctx.fargate {
            (2, 120, "between 2 and 120")
        } else {
            (0, i32::MAX, "0 or more")
        };
        if !(min..=max).contains(&stop) {
            return Err(RuleViolation::client(format!(
                "Invalid 'stopTimeout' setting for container '{name}'. It must be {range} \
                 seconds; {stop} was given."
            )));
        }
    }
    Ok(())
}

fn check_health_check(name: &str, health: &HealthCheck) -> Rule {
    let bad = |detail: String| {
        RuleViolation::client(format!(
            "Invalid 'healthCheck' setting for container '{name}'. {detail}"
        ))
    };
    match health.command.first().map(String::as_str) {
        None => {
            return Err(bad(
                "The command must not be empty; start it with \"CMD\" or \"CMD-SHELL\", for \
                 example [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]."
                    .to_owned(),
            ))
        }
        Some("CMD" | "CMD-SHELL") => {
            if health
                .command
                .iter()
                .skip(1)
                .all(|arg| arg.trim().is_empty())
            {
                return Err(bad(
                    "The command has nothing to run after \"CMD\" or \"CMD-SHELL\"; add the \
                     command to run."
                        .to_owned(),
                ));
            }
        }
        Some("NONE") => {}
        Some(other) => {
            return Err(bad(format!(
                "The command must start with \"CMD\" or \"CMD-SHELL\" (or be [\"NONE\"]), not \
                 {other:?}."
            )))
        }
    }
    let limits = [
        ("interval", health.interval, 5, 300),
        ("timeout", health.timeout, 2, 60),
        ("retries", health.retries, 1, 10),
        ("startPeriod", health.start_period, 0, 300),
    ];
    for (field, value, min, max) in limits {
        if let Some(value) = value {
            if !(min..=max).contains(&value) {
                return Err(bad(format!(
                    "'{field}' must be between {min} and {max}; {value} was given."
                )));
            }
        }
    }
    Ok(())
}

fn check_ulimits(name: &str, ulimits: &[Ulimit]) -> Rule {
    let mut seen = HashSet::new();
    for ulimit in ulimits {
        let kind = ulimit.name.as_str();
        if !seen.insert(ulimit.name) {
            return Err(RuleViolation::client(format!(
                "Invalid 'ulimits' setting for container '{name}'. The '{kind}' ulimit is set \
                 more than once."
            )));
        }
        // Docker reads -1 as "unlimited"; anything lower is meaningless.
        let effective = |limit: i32| {
            if limit == -1 {
                i64::MAX
            } else {
                i64::from(limit)
            }
        };
        if ulimit.soft_limit < -1 || ulimit.hard_limit < -1 {
            return Err(RuleViolation::client(format!(
                "Invalid 'ulimits' setting for container '{name}'. The '{kind}' limits must be \
                 0 or more (or -1 for unlimited)."
            )));
        }
        if effective(ulimit.soft_limit) > effective(ulimit.hard_limit) {
            return Err(RuleViolation::client(format!(
                "Invalid 'ulimits' setting for container '{name}'. The '{kind}' soft limit \
                 ({}) must be less than or equal to its hard limit ({}).",
                ulimit.soft_limit, ulimit.hard_limit
            )));
        }
    }
    Ok(())
}

/// Container settings Fargate does not support.
fn check_fargate_container(name: &str, c: &ContainerDefinition) -> Rule {
    let unsupported = |field: &str| {
        RuleViolation::client(format!(
            "Tasks using the Fargate launch type do not support '{field}'. Remove it from \
             container '{name}' or drop FARGATE from requiresCompatibilities."
        ))
    };
    if c.privileged == Some(true) {
        return Err(unsupported("privileged"));
    }
    if c.docker_security_options
        .as_deref()
        .is_some_and(|o| !o.is_empty())
    {
        return Err(unsupported("dockerSecurityOptions"));
    }
    if c.resource_requirements
        .iter()
        .flatten()
        .any(|r| r.type_ == ResourceType::Gpu)
    {
        return Err(RuleViolation::client(format!(
            "Tasks using the Fargate launch type do not support GPUs. Remove the GPU \
             'resourceRequirements' from container '{name}' or drop FARGATE from \
             requiresCompatibilities."
        )));
    }
    if let Some(linux) = &c.linux_parameters {
        if linux.devices.as_deref().is_some_and(|d| !d.is_empty()) {
            return Err(unsupported("linuxParameters.devices"));
        }
        if linux.shared_memory_size.is_some() {
            return Err(unsupported("linuxParameters.sharedMemorySize"));
        }
        if linux.max_swap.is_some() {
            return Err(unsupported("linuxParameters.maxSwap"));
        }
        if linux.swappiness.is_some() {
            return Err(unsupported("linuxParameters.swappiness"));
        }
    }
    Ok(())
}

/// Container totals against the task size, and the task's GPUs against what one
/// instance can have.
fn check_resource_totals(ctx: &Ctx<'_>) -> Rule {
    let mut gpus = 0;
    for (i, c) in ctx.containers.iter().enumerate() {
        gpus += container_gpus(ctx.name(i), c)?;
    }
    if gpus > MAX_GPUS as u32 {
        return Err(RuleViolation::client(format!(
            "The containers reserve {gpus} GPUs in total ('resourceRequirements' of type GPU), \
             more than the {MAX_GPUS} one container instance can have. A task runs on one \
             instance: lower the containers' GPU values."
        )));
    }
    if let Some(task) = ctx.task_memory {
        // What a container reserves: its soft limit if set, else its hard limit.
        let reserved: i64 = ctx
            .containers
            .iter()
            .filter_map(|c| c.memory_reservation.or(c.memory))
            .map(i64::from)
            .sum();
        if reserved > task {
            return Err(RuleViolation::client(format!(
                "The containers reserve {reserved} MiB of memory in total ('memoryReservation', \
                 or 'memory' where no reservation is set), more than the task memory ({task} \
                 MiB). Lower the containers' memory or raise the task's 'memory'."
            )));
        }
    }
    if let Some(task) = ctx.task_cpu {
        let total: i64 = ctx
            .containers
            .iter()
            .filter_map(|c| c.cpu)
            .map(i64::from)
            .sum();
        if total > i64::from(task) {
            return Err(RuleViolation::client(format!(
                "The containers reserve {total} CPU units in total, more than the task cpu \
                 ({task} units). Lower the containers' 'cpu' or raise the task's 'cpu'."
            )));
        }
    }
    Ok(())
}

/// Ports `lo..=hi` of one protocol, used by one container.
#[derive(Debug, Clone)]
struct PortSpan<'a> {
    container: &'a str,
    protocol: TransportProtocol,
    lo: i32,
    hi: i32,
}

/// The first port used by two spans, with the two spans' containers. Sorting first keeps
/// this O(n log n) however many ranges there are.
fn first_overlap<'a>(spans: &mut [PortSpan<'a>]) -> Option<(PortSpan<'a>, PortSpan<'a>, i32)> {
    spans.sort_by_key(|s| (s.protocol, s.lo, s.hi));
    let mut reach: Option<&PortSpan<'a>> = None;
    for span in spans.iter() {
        if let Some(prev) = reach {
            if prev.protocol == span.protocol && span.lo <= prev.hi {
                return Some((prev.clone(), span.clone(), span.lo));
            }
        }
        // Keep the span that reaches furthest within this protocol.
        reach = match reach {
            Some(prev) if prev.protocol == span.protocol && prev.hi >= span.hi => Some(prev),
            _ => Some(span),
        };
    }
    None
}

fn parse_port_range(text: &str) -> Option<(i32, i32)> {
    let (lo, hi) = text.split_once('-')?;
    let lo: i32 = lo.trim().parse().ok()?;
    let hi: i32 = hi.trim().parse().ok()?;
    ((1..=65535).contains(&lo) && (1..=65535).contains(&hi) && lo < hi).then_some((lo, hi))
}

/// One mapping's container ports and the host ports it takes, if fixed.
fn mapping_spans<'a>(
    ctx: &Ctx<'_>,
    name: &'a str,
    mapping: &PortMapping,
) -> Result<(PortSpan<'a>, Option<PortSpan<'a>>), RuleViolation> {
    let protocol = mapping.protocol.unwrap_or(TransportProtocol::Tcp);
    let span = |lo, hi| PortSpan {
        container: name,
        protocol,
        lo,
        hi,
    };
    let mode = ctx.mode.as_str();
    if let Some(range) = &mapping.container_port_range {
        if !matches!(ctx.mode, NetworkMode::Bridge | NetworkMode::Awsvpc) {
            return Err(RuleViolation::client(format!(
                "Invalid 'containerPortRange' setting for container '{name}'. Port ranges need \
                 networkMode 'bridge' or 'awsvpc', and this task uses '{mode}'."
            )));
        }
        if mapping.container_port.is_some() || mapping.host_port.is_some() {
            return Err(RuleViolation::client(format!(
                "Invalid 'containerPortRange' setting for container '{name}'. A mapping with a \
                 containerPortRange must not also set containerPort or hostPort; ECS picks the \
                 host ports."
            )));
        }
        let Some((lo, hi)) = parse_port_range(range) else {
            return Err(RuleViolation::client(format!(
                "Invalid 'containerPortRange' setting for container '{name}'. '{range}' must be \
                 'first-last' with 1 <= first < last <= 65535, for example '8000-8099'."
            )));
        };
        // In awsvpc the host range is the container range; in bridge it is dynamic.
        let host = (ctx.mode == NetworkMode::Awsvpc).then(|| span(lo, hi));
        return Ok((span(lo, hi), host));
    }
    let Some(port) = mapping.container_port.filter(|p| (1..=65535).contains(p)) else {
        return Err(RuleViolation::client(format!(
            "Invalid 'containerPort' setting for container '{name}'. Each port mapping needs a \
             containerPort between 1 and 65535 (or a containerPortRange)."
        )));
    };
    let host_port = mapping.host_port.unwrap_or(0);
    if !(0..=65535).contains(&host_port) {
        return Err(RuleViolation::client(format!(
            "Invalid 'hostPort' setting for container '{name}'. hostPort must be between 0 and \
             65535; {host_port} was given."
        )));
    }
    match ctx.mode {
        NetworkMode::Awsvpc | NetworkMode::Host => {
            if host_port != 0 && host_port != port {
                return Err(RuleViolation::client(format!(
                    "When networkMode={mode}, the host ports and container ports in port \
                     mappings must match. Container '{name}' maps host port {host_port} to \
                     container port {port}; leave hostPort empty or set it to {port}."
                )));
            }
            Ok((span(port, port), Some(span(port, port))))
        }
        // 0 (or none) asks for a dynamic host port, which cannot clash.
        _ => Ok((
            span(port, port),
            (host_port != 0).then(|| span(host_port, host_port)),
        )),
    }
}

fn check_port_mapping_name(container: &str, name: &str) -> Rule {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-';
    if name.is_empty()
        || name.len() > MAX_PORT_NAME_LEN
        || name.starts_with('-')
        || first_bad_char(name, allowed).is_some()
    {
        return Err(RuleViolation::client(format!(
            "Invalid port mapping name '{name}' in container '{container}'. Use 1 to \
             {MAX_PORT_NAME_LEN} lowercase letters, numbers, underscores and hyphens, not \
             starting with a hyphen."
        )));
    }
    Ok(())
}

fn check_port_mappings(ctx: &Ctx<'_>) -> Rule {
    let mut host_spans = Vec::new();
    let mut mapping_names: HashMap<&str, &str> = HashMap::new();
    for (i, container) in ctx.containers.iter().enumerate() {
        let name = ctx.name(i);
        let mappings = container.port_mappings.as_deref().unwrap_or_default();
        if mappings.is_empty() {
            continue;
        }
        if ctx.mode == NetworkMode::None {
            return Err(RuleViolation::client(format!(
                "Port mappings are not supported when networkMode=none. Remove 'portMappings' \
                 from container '{name}' or use another network mode."
            )));
        }
        let ranges = mappings
            .iter()
            .filter(|m| m.container_port_range.is_some())
            .count();
        if ranges > MAX_PORT_RANGES_PER_CONTAINER {
            return Err(RuleViolation::client(format!(
                "Container '{name}' has {ranges} containerPortRange mappings; at most \
                 {MAX_PORT_RANGES_PER_CONTAINER} are allowed per container."
            )));
        }
        let mut container_spans = Vec::with_capacity(mappings.len());
        for mapping in mappings {
            if let Some(port_name) = mapping.name.as_deref() {
                check_port_mapping_name(name, port_name)?;
                if let Some(other) = mapping_names.insert(port_name, name) {
                    return Err(RuleViolation::client(format!(
                        "Port mapping name '{port_name}' is used more than once (containers \
                         '{other}' and '{name}'). Port mapping names must be unique within a \
                         task definition."
                    )));
                }
            }
            let (span, host) = mapping_spans(ctx, name, mapping)?;
            container_spans.push(span);
            host_spans.extend(host);
        }
        if let Some((_, second, port)) = first_overlap(&mut container_spans) {
            let protocol = second.protocol.as_str();
            return Err(RuleViolation::client(format!(
                "Container '{name}' maps container port {port}/{protocol} in more than one port \
                 mapping. A port can be in only one port mapping per container."
            )));
        }
    }
    if let Some((first, second, port)) = first_overlap(&mut host_spans) {
        let who = if first.container == second.container {
            format!("by container '{}'", first.container)
        } else {
            format!(
                "by containers '{}' and '{}'",
                first.container, second.container
            )
        };
        let hint = match ctx.mode {
            NetworkMode::Bridge => {
                "Give each mapping its own hostPort, or leave hostPort empty for a dynamic port."
            }
            _ => {
                "The containers share the task's network, so each container port can be used \
                  by only one mapping in the task."
            }
        };
        return Err(RuleViolation::client(format!(
            "{} host port '{port}' is mapped multiple times in task ({who}). {hint}",
            second.protocol.as_str().to_ascii_uppercase()
        )));
    }
    Ok(())
}

/// A cycle in a graph over container indices, as a path that returns to its start.
fn find_cycle(edges: &[Vec<usize>]) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let mut marks = vec![Mark::New; edges.len()];
    for start in 0..edges.len() {
        if marks.get(start) != Some(&Mark::New) {
            continue;
        }
        // Iterative depth-first search: (node, index of the next edge to follow).
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        if let Some(mark) = marks.get_mut(start) {
            *mark = Mark::OnPath;
        }
        while let Some(&(node, next)) = path.last() {
            let target = edges.get(node).and_then(|out| out.get(next)).copied();
            let Some(target) = target else {
                if let Some(mark) = marks.get_mut(node) {
                    *mark = Mark::Done;
                }
                path.pop();
                continue;
            };
            if let Some(top) = path.last_mut() {
                top.1 += 1;
            }
            match marks.get(target) {
                Some(Mark::New) => {
                    if let Some(mark) = marks.get_mut(target) {
                        *mark = Mark::OnPath;
                    }
                    path.push((target, 0));
                }
                Some(Mark::OnPath) => {
                    let from = path.iter().position(|&(n, _)| n == target)?;
                    let mut cycle: Vec<usize> = path.iter().skip(from).map(|&(n, _)| n).collect();
                    cycle.push(target);
                    return Some(cycle);
                }
                _ => {}
            }
        }
    }
    None
}

fn cycle_text(ctx: &Ctx<'_>, cycle: &[usize]) -> String {
    cycle
        .iter()
        .map(|&i| ctx.name(i))
        .collect::<Vec<_>>()
        .join(" -> ")
}

fn check_links(ctx: &Ctx<'_>) -> Rule {
    let mut edges = vec![Vec::new(); ctx.containers.len()];
    for (i, container) in ctx.containers.iter().enumerate() {
        let name = ctx.name(i);
        let links = container.links.as_deref().unwrap_or_default();
        if links.is_empty() {
            continue;
        }
        if ctx.mode != NetworkMode::Bridge {
            return Err(RuleViolation::client(format!(
                "Links are only supported with network mode 'bridge', and this task uses '{}'. \
                 Remove 'links' from container '{name}'; containers in one task reach each \
                 other over localhost in awsvpc and host modes.",
                ctx.mode.as_str()
            )));
        }
        for link in links {
            let (target, alias) = match link.split_once(':') {
                Some((target, alias)) => (target, Some(alias)),
                None => (link.as_str(), None),
            };
            let Some(&j) = ctx.index.get(target) else {
                return Err(RuleViolation::client(format!(
                    "Invalid 'links' setting for container '{name}'. '{link}' links to \
                     container '{target}', which is not in this task definition; use \
                     'name' or 'name:alias' with the name of another container."
                )));
            };
            if j == i {
                return Err(RuleViolation::client(format!(
                    "Invalid 'links' setting for container '{name}'. A container cannot link to \
                     itself."
                )));
            }
            if let Some(alias) = alias {
                let len = alias.chars().count();
                if alias.is_empty()
                    || len > MAX_NAME_LEN
                    || first_bad_char(alias, is_ecs_name_char).is_some()
                {
                    return Err(RuleViolation::client(format!(
                        "Invalid 'links' setting for container '{name}'. The alias in '{link}' \
                         must be 1 to {MAX_NAME_LEN} letters, numbers, hyphens and underscores."
                    )));
                }
            }
            if let Some(out) = edges.get_mut(i) {
                out.push(j);
            }
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        return Err(RuleViolation::client(format!(
            "Container links should not have a cycle: {}. Remove one of these links.",
            cycle_text(ctx, &cycle)
        )));
    }
    Ok(())
}

fn check_depends_on(ctx: &Ctx<'_>) -> Rule {
    let mut edges = vec![Vec::new(); ctx.containers.len()];
    for (i, container) in ctx.containers.iter().enumerate() {
        let name = ctx.name(i);
        for dependency in container.depends_on.as_deref().unwrap_or_default() {
            let target = dependency.container_name.as_str();
            let condition = dependency.condition.as_str();
            let (Some(&j), Some(target_def)) = (ctx.index.get(target), ctx.container(target))
            else {
                return Err(RuleViolation::client(format!(
                    "Cannot depend on container '{target}' because it does not exist. Container \
                     '{name}' lists it in 'dependsOn'; use the name of another container in \
                     this task definition."
                )));
            };
            if j == i {
                return Err(RuleViolation::client(format!(
                    "Container '{name}' cannot depend on itself. Remove it from its own \
                     'dependsOn'."
                )));
            }
            match dependency.condition {
                ContainerCondition::Success | ContainerCondition::Complete
                    if target_def.essential.unwrap_or(true) =>
                {
                    return Err(RuleViolation::client(format!(
                        "A dependency container with SUCCESS or COMPLETE condition cannot be an \
                         essential container. Container '{name}' waits for '{target}' to \
                         {condition}, but '{target}' is essential (the default); set its \
                         'essential' to false or use the START or HEALTHY condition."
                    )));
                }
                ContainerCondition::Healthy if target_def.health_check.is_none() => {
                    return Err(RuleViolation::client(format!(
                        "Container '{name}' depends on '{target}' with condition HEALTHY, but \
                         '{target}' has no healthCheck. Add a healthCheck to '{target}' or use \
                         the START condition."
                    )));
                }
                _ => {}
            }
            if let Some(out) = edges.get_mut(i) {
                out.push(j);
            }
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        return Err(RuleViolation::client(format!(
            "Container dependencies should not have a cycle: {}. Remove one of these \
             'dependsOn' entries.",
            cycle_text(ctx, &cycle)
        )));
    }
    Ok(())
}

fn check_volumes(ctx: &Ctx<'_>) -> Rule {
    let volumes = ctx.req.volumes.as_deref().unwrap_or_default();
    let mut declared = HashSet::new();
    for (i, volume) in volumes.iter().enumerate() {
        let name = volume.name.as_deref().unwrap_or_default();
        if name.is_empty() {
            return Err(RuleViolation::client(format!(
                "Volume name should not be null or empty. Name volume #{} so that mount points \
                 can refer to it.",
                i + 1
            )));
        }
        if name.chars().count() > MAX_NAME_LEN || first_bad_char(name, is_ecs_name_char).is_some() {
            return Err(RuleViolation::client(format!(
                "Invalid volume name '{name}'. Use 1 to {MAX_NAME_LEN} letters, numbers, \
                 hyphens and underscores."
            )));
        }
        if !declared.insert(name) {
            return Err(RuleViolation::client(format!(
                "Duplicate volume name '{name}'. Volume names must be unique within a task \
                 definition."
            )));
        }
        if let Some(path) = volume.host.as_ref().and_then(|h| h.source_path.as_deref()) {
            if !path.starts_with('/') {
                return Err(RuleViolation::client(format!(
                    "Invalid 'host.sourcePath' '{path}' of volume '{name}'. Use an absolute path \
                     on the host."
                )));
            }
        }
    }
    for (i, container) in ctx.containers.iter().enumerate() {
        let name = ctx.name(i);
        let mut paths = HashSet::new();
        for mount in container.mount_points.as_deref().unwrap_or_default() {
            let source = mount.source_volume.as_deref().unwrap_or_default();
            if !declared.contains(source) {
                let problem = if source.is_empty() {
                    "A mount point has no 'sourceVolume'".to_owned()
                } else {
                    format!("The mount point's sourceVolume '{source}' is not a declared volume")
                };
                return Err(RuleViolation::client(format!(
                    "Invalid 'mountPoints' setting for container '{name}'. {problem}; name one of \
                     the task definition's 'volumes'."
                )));
            }
            let path = mount.container_path.as_deref().unwrap_or_default();
            if path.is_empty() {
                return Err(RuleViolation::client(format!(
                    "Invalid 'mountPoints' setting for container '{name}'. The mount of volume \
                     '{source}' needs a 'containerPath'."
                )));
            }
            if !paths.insert(path) {
                return Err(RuleViolation::client(format!(
                    "Invalid 'mountPoints' setting for container '{name}'. More than one volume \
                     is mounted at '{path}'."
                )));
            }
        }
        for from in container.volumes_from.as_deref().unwrap_or_default() {
            let source = from.source_container.as_deref().unwrap_or_default();
            match ctx.index.get(source) {
                Some(&j) if j != i => {}
                Some(_) => {
                    return Err(RuleViolation::client(format!(
                        "Invalid 'volumesFrom' setting for container '{name}'. A container \
                         cannot mount volumes from itself."
                    )))
                }
                None => {
                    return Err(RuleViolation::client(format!(
                        "Invalid 'volumesFrom' setting for container '{name}'. sourceContainer \
                         '{source}' is not a container in this task definition."
                    )))
                }
            }
        }
    }
    Ok(())
}

fn check_placement_constraints(ctx: &Ctx<'_>) -> Rule {
    let constraints = ctx.req.placement_constraints.as_deref().unwrap_or_default();
    if constraints.len() > MAX_PLACEMENT_CONSTRAINTS {
        return Err(RuleViolation::client(format!(
            "Too many placement constraints: a task definition can have at most \
             {MAX_PLACEMENT_CONSTRAINTS}, and this one has {}.",
            constraints.len()
        )));
    }
    for constraint in constraints {
        // `memberOf` is the only type the enum can hold; its absence is the error left.
        if constraint.type_.is_none() {
            return Err(RuleViolation::client(
                "Invalid 'placementConstraints' setting. Each constraint needs type 'memberOf' \
                 (the only type a task definition accepts).",
            ));
        }
        if constraint
            .expression
            .as_deref()
            .unwrap_or_default()
            .trim()
            .is_empty()
        {
            return Err(RuleViolation::client(
                "Invalid 'placementConstraints' setting. A memberOf constraint needs an \
                 'expression', for example 'attribute:ecs.instance-type =~ t3.*'.",
            ));
        }
    }
    Ok(())
}

fn check_tags(req: &RegisterTaskDefinitionRequest) -> Rule {
    let mut seen = HashSet::new();
    for tag in req.tags.as_deref().unwrap_or_default() {
        let key = tag.key.as_deref().unwrap_or_default();
        if key.is_empty() {
            return Err(RuleViolation::invalid(
                "Tag keys must not be empty. Give every tag a key.",
            ));
        }
        if key
            .get(..4)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("aws:"))
        {
            return Err(RuleViolation::invalid(format!(
                "Tag key '{key}' uses the prefix 'aws:', which is reserved for AWS use. Choose \
                 another key."
            )));
        }
        if !seen.insert(key) {
            return Err(RuleViolation::invalid(format!(
                "Tag key '{key}' is given more than once. Each tag key must be unique."
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use berth_api::ecs::{
        CPUArchitecture, ContainerDependency, EnvironmentFile, EnvironmentFileType,
        EphemeralStorage, FirelensConfiguration, FirelensConfigurationType, HostEntry,
        HostVolumeProperties, InferenceAccelerator, IpcMode, KeyValuePair, LinuxParameters,
        LogConfiguration, LogDriver, MountPoint, ProxyConfiguration, ResourceRequirement,
        RuntimePlatform, Secret, Tag, TaskDefinitionPlacementConstraint,
        TaskDefinitionPlacementConstraintType, UlimitName, Volume, VolumeFrom,
    };

    use super::*;

    /// A container that passes every rule on its own under EC2 defaults.
    fn ctr(name: &str) -> ContainerDefinition {
        ContainerDefinition {
            name: Some(name.to_owned()),
            image: Some("nginx:latest".to_owned()),
            memory: Some(128),
            ..Default::default()
        }
    }

    fn td(containers: Vec<ContainerDefinition>) -> RegisterTaskDefinitionRequest {
        RegisterTaskDefinitionRequest {
            family: "web".to_owned(),
            container_definitions: containers,
            ..Default::default()
        }
    }

    /// A Fargate task definition of 256 CPU and 512 MiB with the given containers.
    fn fargate(containers: Vec<ContainerDefinition>) -> RegisterTaskDefinitionRequest {
        RegisterTaskDefinitionRequest {
            requires_compatibilities: Some(vec![Compatibility::Fargate]),
            network_mode: Some(NetworkMode::Awsvpc),
            cpu: Some("256".to_owned()),
            memory: Some("512".to_owned()),
            ..td(containers)
        }
    }

    fn with_mode(
        mode: NetworkMode,
        containers: Vec<ContainerDefinition>,
    ) -> RegisterTaskDefinitionRequest {
        RegisterTaskDefinitionRequest {
            network_mode: Some(mode),
            ..td(containers)
        }
    }

    fn port(container_port: i32, host_port: Option<i32>) -> PortMapping {
        PortMapping {
            container_port: Some(container_port),
            host_port,
            ..Default::default()
        }
    }

    fn with_ports(name: &str, ports: Vec<PortMapping>) -> ContainerDefinition {
        ContainerDefinition {
            port_mappings: Some(ports),
            ..ctr(name)
        }
    }

    fn depends(name: &str, on: &[(&str, ContainerCondition)]) -> ContainerDefinition {
        let deps = on
            .iter()
            .map(|(target, condition)| ContainerDependency {
                container_name: (*target).to_owned(),
                condition: *condition,
            })
            .collect();
        ContainerDefinition {
            depends_on: Some(deps),
            ..ctr(name)
        }
    }

    fn health(command: &[&str]) -> HealthCheck {
        HealthCheck {
            command: command.iter().map(|s| (*s).to_owned()).collect(),
            ..Default::default()
        }
    }

    #[track_caller]
    fn ok(req: &RegisterTaskDefinitionRequest) {
        if let Err(err) = validate_registration(req) {
            panic!(
                "expected the request to pass, got {:?}: {}",
                err.kind, err.message
            );
        }
    }

    /// Asserts a ClientException whose message contains every one of `parts`.
    #[track_caller]
    fn rejects(req: &RegisterTaskDefinitionRequest, parts: &[&str]) {
        rejects_as(req, ViolationKind::Client, parts);
    }

    #[track_caller]
    fn rejects_as(req: &RegisterTaskDefinitionRequest, kind: ViolationKind, parts: &[&str]) {
        let err = match validate_registration(req) {
            Ok(()) => panic!("expected a violation mentioning {parts:?}, but the request passed"),
            Err(err) => err,
        };
        assert_eq!(err.kind, kind, "wrong kind for: {}", err.message);
        for part in parts {
            assert!(
                err.message.contains(part),
                "{:?} is not in: {}",
                part,
                err.message
            );
        }
    }

    // ----- parse_cpu / parse_memory -----

    #[test]
    fn parse_cpu_accepts_units_and_vcpus() {
        assert_eq!(parse_cpu("1024"), Ok(1024));
        assert_eq!(parse_cpu(" 256 "), Ok(256));
        assert_eq!(parse_cpu("1 vCPU"), Ok(1024));
        assert_eq!(parse_cpu("1vcpu"), Ok(1024));
        assert_eq!(parse_cpu("0.5 vcpu"), Ok(512));
        assert_eq!(parse_cpu(".25 VCPU"), Ok(256));
        assert_eq!(parse_cpu("0.125 vCPU"), Ok(128));
        assert_eq!(parse_cpu("192 vCPU"), Ok(196_608));
        assert_eq!(parse_cpu("2.50 vCPU"), Ok(2560));
    }

    #[test]
    fn parse_cpu_rejects_garbage() {
        for bad in [
            "",
            "  ",
            "abc",
            "-1",
            "1.5",
            "1 cpu",
            "vcpu",
            ". vcpu",
            "1e3",
            "0.0001 vCPU",
            "99999999999",
            "99999999999 vcpu",
            "1..5 vcpu",
            "+4",
        ] {
            let err = parse_cpu(bad).expect_err(bad);
            assert_eq!(err.kind, ViolationKind::InvalidParameter, "{bad}");
            assert!(
                err.message.contains("Invalid 'cpu' setting for task"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn parse_memory_accepts_mib_and_gb() {
        assert_eq!(parse_memory("512"), Ok(512));
        assert_eq!(parse_memory("2 GB"), Ok(2048));
        assert_eq!(parse_memory("2gb"), Ok(2048));
        assert_eq!(parse_memory("0.5GB"), Ok(512));
        assert_eq!(parse_memory("120 GB"), Ok(122_880));
    }

    #[test]
    fn parse_memory_rejects_garbage() {
        for bad in [
            "", "GB", "2 MB", "2 GiB", "-512", "0.3 GB", "lots", "1.2.3 GB",
        ] {
            let err = parse_memory(bad).expect_err(bad);
            assert_eq!(err.kind, ViolationKind::InvalidParameter, "{bad}");
            assert!(
                err.message.contains("Invalid 'memory' setting for task"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn unreadable_task_size_is_an_invalid_parameter() {
        let req = RegisterTaskDefinitionRequest {
            cpu: Some("fast".to_owned()),
            ..td(vec![ctr("a")])
        };
        rejects_as(
            &req,
            ViolationKind::InvalidParameter,
            &["'cpu'", "'1 vCPU'"],
        );
    }

    // ----- family and names -----

    #[test]
    fn family_rules() {
        ok(&RegisterTaskDefinitionRequest {
            family: "My_web-1".to_owned(),
            ..td(vec![ctr("a")])
        });
        let f = |family: &str| RegisterTaskDefinitionRequest {
            family: family.to_owned(),
            ..td(vec![ctr("a")])
        };
        rejects(&f(""), &["Family should not be null or empty"]);
        rejects(
            &f("web app"),
            &["Family contains invalid characters", "' '"],
        );
        rejects(&f("wéb"), &["Family contains invalid characters"]);
        ok(&f(&"a".repeat(255)));
        rejects(&f(&"a".repeat(256)), &["Family is too long", "256"]);
    }

    #[test]
    fn container_count_rules() {
        rejects(&td(vec![]), &["Container list cannot be empty"]);
        let ten: Vec<_> = (0..10).map(|i| ctr(&format!("c{i}"))).collect();
        ok(&td(ten));
        let eleven: Vec<_> = (0..11).map(|i| ctr(&format!("c{i}"))).collect();
        rejects(&td(eleven), &["at most 10", "has 11"]);
    }

    #[test]
    fn container_name_rules() {
        let named = |name: Option<&str>| ContainerDefinition {
            name: name.map(str::to_owned),
            ..ctr("x")
        };
        rejects(
            &td(vec![named(None)]),
            &["Container.name should not be null or empty", "#1"],
        );
        rejects(
            &td(vec![named(Some("my.app"))]),
            &["Container.name contains invalid characters", "'.'"],
        );
        rejects(
            &td(vec![named(Some(&"n".repeat(256)))]),
            &["Container.name is too long"],
        );
        ok(&td(vec![named(Some(&"n".repeat(255)))]));
        rejects(
            &td(vec![ctr("app"), ctr("app")]),
            &["Duplicate container name 'app'"],
        );
    }

    #[test]
    fn image_rules() {
        let img = |image: Option<&str>| {
            td(vec![ContainerDefinition {
                image: image.map(str::to_owned),
                ..ctr("app")
            }])
        };
        ok(&img(Some("nginx")));
        ok(&img(Some(
            "012345678910.dkr.ecr.us-east-1.amazonaws.com/my-repo:v1.2_3#x",
        )));
        ok(&img(Some("localhost:5000/team/app:latest")));
        let digest = format!("quay.io/org/app@sha256:{}", "a1".repeat(32));
        ok(&img(Some(&digest)));
        rejects(
            &img(None),
            &["Container.image should not be null or empty", "'app'"],
        );
        rejects(
            &img(Some("  ")),
            &["Container.image should not be null or empty"],
        );
        rejects(&img(Some("nginx latest")), &["Invalid 'image'", "' '"]);
        rejects(
            &img(Some(&"a".repeat(256))),
            &["Invalid 'image'", "at most 255"],
        );
        rejects(&img(Some("nginx@sha256:abc")), &["64 hexadecimal"]);
        rejects(
            &img(Some(&format!("nginx@md5:{}", "a".repeat(64)))),
            &["'sha256:'"],
        );
        rejects(
            &img(Some(&format!("@sha256:{}", "a".repeat(64)))),
            &["no repository"],
        );
        // The 255 limit applies before the digest only.
        let long_with_digest = format!("{}@sha256:{}", "a".repeat(250), "b".repeat(64));
        ok(&img(Some(&long_with_digest)));
    }

    #[test]
    fn at_least_one_essential_container() {
        let sidecar = ContainerDefinition {
            essential: Some(false),
            ..ctr("sidecar")
        };
        ok(&td(vec![sidecar.clone(), ctr("app")]));
        let app = ContainerDefinition {
            essential: Some(false),
            ..ctr("app")
        };
        rejects(
            &td(vec![sidecar, app]),
            &[
                "doesn't have any essential container",
                "'essential' to true",
            ],
        );
    }

    // ----- launch types, network modes, task size -----

    #[test]
    fn fargate_requires_awsvpc() {
        ok(&fargate(vec![ctr("a")]));
        let bridge = RegisterTaskDefinitionRequest {
            network_mode: Some(NetworkMode::Bridge),
            ..fargate(vec![ctr("a")])
        };
        rejects(
            &bridge,
            &["Fargate only supports network mode 'awsvpc'", "'bridge'"],
        );
        let unset = RegisterTaskDefinitionRequest {
            network_mode: None,
            ..fargate(vec![ctr("a")])
        };
        rejects(
            &unset,
            &[
                "Fargate only supports network mode 'awsvpc'",
                "defaults to 'bridge'",
            ],
        );
    }

    #[test]
    fn external_does_not_support_awsvpc() {
        let ext = |mode| RegisterTaskDefinitionRequest {
            requires_compatibilities: Some(vec![Compatibility::External]),
            network_mode: Some(mode),
            ..td(vec![ctr("a")])
        };
        ok(&ext(NetworkMode::Bridge));
        ok(&ext(NetworkMode::Host));
        rejects(
            &ext(NetworkMode::Awsvpc),
            &["'awsvpc'", "EXTERNAL", "'bridge', 'host' or 'none'"],
        );
        // EC2 accepts every mode.
        for mode in [
            NetworkMode::Bridge,
            NetworkMode::Host,
            NetworkMode::Awsvpc,
            NetworkMode::None,
        ] {
            ok(&RegisterTaskDefinitionRequest {
                requires_compatibilities: Some(vec![Compatibility::Ec2]),
                ..with_mode(mode, vec![ctr("a")])
            });
        }
    }

    #[test]
    fn fargate_requires_task_cpu_and_memory() {
        let no_cpu = RegisterTaskDefinitionRequest {
            cpu: None,
            ..fargate(vec![ctr("a")])
        };
        rejects(
            &no_cpu,
            &["Fargate requires that 'cpu' be defined at the task level"],
        );
        let no_mem = RegisterTaskDefinitionRequest {
            memory: None,
            ..fargate(vec![ctr("a")])
        };
        rejects(
            &no_mem,
            &["Fargate requires that 'memory' be defined at the task level"],
        );
    }

    #[test]
    fn fargate_cpu_memory_combinations() {
        // Containers without their own memory so that only the task size matters.
        let sized = |cpu: &str, memory: &str| RegisterTaskDefinitionRequest {
            cpu: Some(cpu.to_owned()),
            memory: Some(memory.to_owned()),
            ..fargate(vec![ContainerDefinition {
                memory: None,
                ..ctr("a")
            }])
        };
        let valid = [
            ("256", "512"),
            ("256", "1 GB"),
            ("256", "2048"),
            ("512", "1024"),
            ("512", "4 GB"),
            ("1 vCPU", "2048"),
            ("1024", "8192"),
            ("2048", "4096"),
            ("2048", "16 GB"),
            ("2048", "5120"),
            ("4096", "8192"),
            ("4096", "30720"),
            ("8192", "16 GB"),
            ("8192", "20 GB"),
            ("8192", "60 GB"),
            ("16384", "32 GB"),
            ("16 vCPU", "40 GB"),
            ("16384", "120 GB"),
        ];
        for (cpu, memory) in valid {
            ok(&sized(cpu, memory));
        }
        let invalid = [
            ("256", "1536", "512, 1024, 2048 MiB"),
            ("256", "4096", "512, 1024, 2048 MiB"),
            ("512", "512", "1024 to 4096 MiB"),
            ("1024", "1024", "2048 to 8192 MiB"),
            ("2048", "17 GB", "4096 to 16384 MiB"),
            ("2048", "4608", "steps of 1024 MiB"),
            ("4096", "31 GB", "8192 to 30720 MiB"),
            ("8192", "18 GB", "steps of 4096 MiB"),
            ("16384", "36 GB", "steps of 8192 MiB"),
            ("128", "512", "256, 512, 1024"),
            ("32768", "64 GB", "256, 512, 1024"),
        ];
        for (cpu, memory, hint) in invalid {
            rejects(
                &sized(cpu, memory),
                &["No Fargate configuration exists for given values", hint],
            );
        }
        rejects(&sized("256", "4 GB"), &["256 CPU, 4096 memory"]);
    }

    #[test]
    fn ec2_task_cpu_range() {
        let cpu = |cpu: &str| RegisterTaskDefinitionRequest {
            cpu: Some(cpu.to_owned()),
            ..td(vec![ctr("a")])
        };
        ok(&cpu("128"));
        ok(&cpu("192 vCPU"));
        rejects(
            &cpu("64"),
            &[
                "Invalid 'cpu' setting for task",
                "between 128 and 196608",
                "64",
            ],
        );
        rejects(&cpu("193 vCPU"), &["between 128 and 196608"]);
    }

    #[test]
    fn task_memory_minimum() {
        let mem = |m: &str| RegisterTaskDefinitionRequest {
            memory: Some(m.to_owned()),
            ..td(vec![ContainerDefinition {
                memory: None,
                ..ctr("a")
            }])
        };
        ok(&mem("6"));
        rejects(
            &mem("5"),
            &["Invalid 'memory' setting for task", "at least 6 MiB"],
        );
    }

    #[test]
    fn fargate_task_features() {
        let f = |edit: fn(&mut RegisterTaskDefinitionRequest)| {
            let mut req = fargate(vec![ctr("a")]);
            edit(&mut req);
            req
        };
        ok(&f(|r| r.pid_mode = Some(PidMode::Task)));
        rejects(
            &f(|r| r.ipc_mode = Some(IpcMode::Task)),
            &["do not support ipcMode"],
        );
        rejects(
            &f(|r| r.pid_mode = Some(PidMode::Host)),
            &["pidMode 'host'", "'task'"],
        );
        rejects(
            &f(|r| {
                r.placement_constraints = Some(vec![TaskDefinitionPlacementConstraint {
                    type_: Some(TaskDefinitionPlacementConstraintType::MemberOf),
                    expression: Some("attribute:ecs.os-type == linux".to_owned()),
                }])
            }),
            &["do not support placement constraints"],
        );
        rejects(
            &f(|r| {
                r.volumes = Some(vec![Volume {
                    name: Some("data".to_owned()),
                    host: Some(HostVolumeProperties {
                        source_path: Some("/srv".to_owned()),
                    }),
                    ..Default::default()
                }])
            }),
            &["sourcePath", "'data'"],
        );
        rejects(
            &f(|r| {
                r.volumes = Some(vec![Volume {
                    name: Some("data".to_owned()),
                    docker_volume_configuration: Some(Default::default()),
                    ..Default::default()
                }])
            }),
            &["Docker volumes", "'data'"],
        );
        // A task-scoped bind mount (host without sourcePath) is fine on Fargate.
        ok(&f(|r| {
            r.volumes = Some(vec![Volume {
                name: Some("scratch".to_owned()),
                host: Some(HostVolumeProperties { source_path: None }),
                ..Default::default()
            }])
        }));
    }

    #[test]
    fn fargate_container_features() {
        let with = |c: ContainerDefinition| fargate(vec![c]);
        ok(&with(ContainerDefinition {
            privileged: Some(false),
            ..ctr("a")
        }));
        rejects(
            &with(ContainerDefinition {
                privileged: Some(true),
                ..ctr("a")
            }),
            &["'privileged'", "'a'"],
        );
        rejects(
            &with(ContainerDefinition {
                docker_security_options: Some(vec!["no-new-privileges".to_owned()]),
                ..ctr("a")
            }),
            &["'dockerSecurityOptions'"],
        );
        let linux = |p: LinuxParameters| ContainerDefinition {
            linux_parameters: Some(p),
            ..ctr("a")
        };
        ok(&with(linux(LinuxParameters {
            init_process_enabled: Some(true),
            ..Default::default()
        })));
        rejects(
            &with(linux(LinuxParameters {
                shared_memory_size: Some(64),
                ..Default::default()
            })),
            &["sharedMemorySize"],
        );
        rejects(
            &with(linux(LinuxParameters {
                max_swap: Some(64),
                ..Default::default()
            })),
            &["maxSwap"],
        );
        rejects(
            &with(linux(LinuxParameters {
                swappiness: Some(10),
                ..Default::default()
            })),
            &["swappiness"],
        );
        rejects(
            &with(linux(LinuxParameters {
                devices: Some(vec![Default::default()]),
                ..Default::default()
            })),
            &["devices"],
        );
        // The same settings are fine on EC2.
        ok(&td(vec![ContainerDefinition {
            privileged: Some(true),
            ..ctr("a")
        }]));
    }

    // ----- memory and cpu -----

    #[test]
    fn ec2_containers_need_memory_unless_task_memory_is_set() {
        let bare = ContainerDefinition {
            memory: None,
            ..ctr("app")
        };
        rejects(
            &td(vec![bare.clone()]),
            &[
                "Invalid setting for container 'app'",
                "At least one of 'memory' or 'memoryReservation' must be specified",
            ],
        );
        ok(&td(vec![ContainerDefinition {
            memory_reservation: Some(64),
            ..bare.clone()
        }]));
        ok(&RegisterTaskDefinitionRequest {
            memory: Some("512".to_owned()),
            ..td(vec![bare.clone()])
        });
        // Fargate-only definitions have task memory, so containers may omit theirs.
        ok(&fargate(vec![bare.clone()]));
        // EXTERNAL behaves as EC2.
        let ext = RegisterTaskDefinitionRequest {
            requires_compatibilities: Some(vec![Compatibility::External]),
            ..td(vec![bare])
        };
        rejects(&ext, &["At least one of 'memory' or 'memoryReservation'"]);
    }

    #[test]
    fn container_memory_minimum() {
        ok(&td(vec![ContainerDefinition {
            memory: Some(6),
            ..ctr("a")
        }]));
        rejects(
            &td(vec![ContainerDefinition {
                memory: Some(4),
                ..ctr("a")
            }]),
            &[
                "Invalid 'memory' setting for container 'a'",
                "at least 6 MiB",
            ],
        );
        rejects(
            &td(vec![ContainerDefinition {
                memory: None,
                memory_reservation: Some(0),
                ..ctr("a")
            }]),
            &["Invalid 'memoryReservation' setting", "at least 6 MiB"],
        );
    }

    #[test]
    fn memory_reservation_within_memory() {
        ok(&td(vec![ContainerDefinition {
            memory: Some(256),
            memory_reservation: Some(256),
            ..ctr("a")
        }]));
        rejects(
            &td(vec![ContainerDefinition {
                memory: Some(256),
                memory_reservation: Some(512),
                ..ctr("a")
            }]),
            &[
                "'memoryReservation'",
                "less than or equal to the memory hard limit",
                "512",
                "256",
            ],
        );
    }

    #[test]
    fn container_memory_within_task_memory() {
        let task = |containers| RegisterTaskDefinitionRequest {
            memory: Some("512".to_owned()),
            ..td(containers)
        };
        ok(&task(vec![
            ContainerDefinition {
                memory: Some(256),
                ..ctr("a")
            },
            ContainerDefinition {
                memory: Some(256),
                ..ctr("b")
            },
        ]));
        rejects(
            &task(vec![ContainerDefinition {
                memory: Some(1024),
                ..ctr("a")
            }]),
            &[
                "container's memory limit (1024 MiB)",
                "task memory (512 MiB)",
            ],
        );
        rejects(
            &task(vec![
                ContainerDefinition {
                    memory: Some(300),
                    ..ctr("a")
                },
                ContainerDefinition {
                    memory: Some(300),
                    ..ctr("b")
                },
            ]),
            &["600 MiB", "task memory (512 MiB)"],
        );
        // Reservations count instead of hard limits when set.
        ok(&task(vec![
            ContainerDefinition {
                memory: Some(512),
                memory_reservation: Some(256),
                ..ctr("a")
            },
            ContainerDefinition {
                memory: Some(512),
                memory_reservation: Some(256),
                ..ctr("b")
            },
        ]));
    }

    #[test]
    fn container_cpu_rules() {
        let task = |containers| RegisterTaskDefinitionRequest {
            cpu: Some("1024".to_owned()),
            ..td(containers)
        };
        ok(&task(vec![
            ContainerDefinition {
                cpu: Some(512),
                ..ctr("a")
            },
            ContainerDefinition {
                cpu: Some(512),
                ..ctr("b")
            },
        ]));
        ok(&td(vec![ContainerDefinition {
            cpu: Some(0),
            ..ctr("a")
        }]));
        rejects(
            &td(vec![ContainerDefinition {
                cpu: Some(-1),
                ..ctr("a")
            }]),
            &["'cpu' setting for container 'a'", "negative"],
        );
        rejects(
            &task(vec![ContainerDefinition {
                cpu: Some(2048),
                ..ctr("a")
            }]),
            &["2048 CPU units", "task cpu (1024 units)"],
        );
        rejects(
            &task(vec![
                ContainerDefinition {
                    cpu: Some(600),
                    ..ctr("a")
                },
                ContainerDefinition {
                    cpu: Some(600),
                    ..ctr("b")
                },
            ]),
            &["1200 CPU units in total", "(1024 units)"],
        );
    }

    // ----- timeouts, health checks, environment, ulimits -----

    #[test]
    fn timeout_rules() {
        let t = |start, stop| ContainerDefinition {
            start_timeout: start,
            stop_timeout: stop,
            ..ctr("a")
        };
        ok(&td(vec![t(Some(2), Some(0))]));
        ok(&td(vec![t(Some(600), Some(600))]));
        rejects(
            &td(vec![t(Some(1), None)]),
            &["'startTimeout'", "at least 2"],
        );
        rejects(
            &td(vec![t(None, Some(-5))]),
            &["'stopTimeout'", "0 or more"],
        );
        ok(&fargate(vec![t(Some(120), Some(2))]));
        rejects(
            &fargate(vec![t(Some(121), None)]),
            &["'startTimeout'", "between 2 and 120"],
        );
        rejects(
            &fargate(vec![t(None, Some(121))]),
            &["'stopTimeout'", "between 2 and 120"],
        );
        rejects(
            &fargate(vec![t(None, Some(1))]),
            &["'stopTimeout'", "between 2 and 120"],
        );
    }

    #[test]
    fn health_check_rules() {
        let hc = |h: HealthCheck| {
            td(vec![ContainerDefinition {
                health_check: Some(h),
                ..ctr("a")
            }])
        };
        ok(&hc(health(&[
            "CMD-SHELL",
            "curl -f http://localhost/ || exit 1",
        ])));
        ok(&hc(health(&["CMD", "/bin/check", "--quick"])));
        ok(&hc(health(&["NONE"])));
        ok(&hc(HealthCheck {
            interval: Some(5),
            timeout: Some(60),
            retries: Some(10),
            start_period: Some(0),
            ..health(&["CMD", "true"])
        }));
        ok(&hc(HealthCheck {
            interval: Some(300),
            timeout: Some(2),
            retries: Some(1),
            start_period: Some(300),
            ..health(&["CMD", "true"])
        }));
        rejects(
            &hc(health(&[])),
            &["'healthCheck'", "'a'", "must not be empty"],
        );
        rejects(
            &hc(health(&["curl", "localhost"])),
            &["must start with \"CMD\" or \"CMD-SHELL\"", "\"curl\""],
        );
        rejects(&hc(health(&["CMD-SHELL"])), &["nothing to run"]);
        rejects(&hc(health(&["CMD", " "])), &["nothing to run"]);
        let bounds = [
            (
                HealthCheck {
                    interval: Some(4),
                    ..health(&["CMD", "true"])
                },
                "'interval' must be between 5 and 300",
            ),
            (
                HealthCheck {
                    interval: Some(301),
                    ..health(&["CMD", "true"])
                },
                "'interval' must be between 5 and 300",
            ),
            (
                HealthCheck {
                    timeout: Some(1),
                    ..health(&["CMD", "true"])
                },
                "'timeout' must be between 2 and 60",
            ),
            (
                HealthCheck {
                    timeout: Some(61),
                    ..health(&["CMD", "true"])
                },
                "'timeout' must be between 2 and 60",
            ),
            (
                HealthCheck {
                    retries: Some(0),
                    ..health(&["CMD", "true"])
                },
                "'retries' must be between 1 and 10",
            ),
            (
                HealthCheck {
                    retries: Some(11),
                    ..health(&["CMD", "true"])
                },
                "'retries' must be between 1 and 10",
            ),
            (
                HealthCheck {
                    start_period: Some(-1),
                    ..health(&["CMD", "true"])
                },
                "'startPeriod' must be between 0 and 300",
            ),
            (
                HealthCheck {
                    start_period: Some(301),
                    ..health(&["CMD", "true"])
                },
                "'startPeriod' must be between 0 and 300",
            ),
        ];
        for (check, message) in bounds {
            rejects(&hc(check), &[message]);
        }
    }

    #[test]
    fn environment_and_secret_names() {
        let env = |name: Option<&str>| {
            td(vec![ContainerDefinition {
                environment: Some(vec![KeyValuePair {
                    name: name.map(str::to_owned),
                    value: Some("1".to_owned()),
                }]),
                ..ctr("a")
            }])
        };
        ok(&env(Some("DEBUG")));
        rejects(&env(None), &["'environment'", "'a'", "non-empty 'name'"]);
        rejects(&env(Some("")), &["'environment'"]);
        let secret = |name: &str| {
            td(vec![ContainerDefinition {
                secrets: Some(vec![Secret {
                    name: name.to_owned(),
                    value_from: "arn:aws:ssm:x".to_owned(),
                }]),
                ..ctr("a")
            }])
        };
        ok(&secret("TOKEN"));
        rejects(&secret(""), &["'secrets'", "non-empty 'name'"]);
    }

    #[test]
    fn ulimit_rules() {
        let u = |limits: Vec<(UlimitName, i32, i32)>| {
            td(vec![ContainerDefinition {
                ulimits: Some(
                    limits
                        .into_iter()
                        .map(|(name, soft_limit, hard_limit)| Ulimit {
                            name,
                            soft_limit,
                            hard_limit,
                        })
                        .collect(),
                ),
                ..ctr("a")
            }])
        };
        ok(&u(vec![
            (UlimitName::Nofile, 1024, 4096),
            (UlimitName::Memlock, -1, -1),
            (UlimitName::Core, 0, -1),
        ]));
        rejects(
            &u(vec![(UlimitName::Nofile, 8192, 4096)]),
            &["'nofile' soft limit (8192)", "hard limit (4096)"],
        );
        rejects(
            &u(vec![(UlimitName::Memlock, -1, 1024)]),
            &["'memlock' soft limit"],
        );
        rejects(
            &u(vec![(UlimitName::Nofile, 1, 2), (UlimitName::Nofile, 3, 4)]),
            &["'nofile' ulimit is set more than once"],
        );
        rejects(&u(vec![(UlimitName::Stack, -2, 10)]), &["-1 for unlimited"]);
    }

    #[test]
    fn awsvpc_rejects_hostname_and_extra_hosts() {
        let hostname = ContainerDefinition {
            hostname: Some("web".to_owned()),
            ..ctr("a")
        };
        ok(&td(vec![hostname.clone()]));
        rejects(
            &with_mode(NetworkMode::Awsvpc, vec![hostname]),
            &["hostname", "'awsvpc'", "'a'"],
        );
        let hosts = ContainerDefinition {
            extra_hosts: Some(vec![HostEntry {
                hostname: "db".to_owned(),
                ip_address: "10.0.0.1".to_owned(),
            }]),
            ..ctr("a")
        };
        ok(&with_mode(NetworkMode::Host, vec![hosts.clone()]));
        rejects(
            &with_mode(NetworkMode::Awsvpc, vec![hosts]),
            &["extraHosts", "'awsvpc'"],
        );
    }

    // ----- port mappings -----

    #[test]
    fn awsvpc_and_host_ports_must_match() {
        for mode in [NetworkMode::Awsvpc, NetworkMode::Host] {
            ok(&with_mode(
                mode,
                vec![with_ports(
                    "a",
                    vec![port(80, None), port(443, Some(443)), port(8080, Some(0))],
                )],
            ));
            rejects(
                &with_mode(mode, vec![with_ports("a", vec![port(80, Some(8080))])]),
                &[&format!("When networkMode={}, the host ports and container ports in port mappings must match", mode.as_str()), "set it to 80"],
            );
        }
        // Bridge maps freely.
        ok(&td(vec![with_ports("a", vec![port(80, Some(8080))])]));
    }

    #[test]
    fn port_ranges_of_values() {
        rejects(
            &td(vec![with_ports("a", vec![port(0, None)])]),
            &["Invalid 'containerPort' setting for container 'a'"],
        );
        rejects(
            &td(vec![with_ports("a", vec![port(65536, None)])]),
            &["Invalid 'containerPort'", "between 1 and 65535"],
        );
        rejects(
            &td(vec![with_ports("a", vec![PortMapping::default()])]),
            &["Invalid 'containerPort'"],
        );
        rejects(
            &td(vec![with_ports("a", vec![port(80, Some(70000))])]),
            &["Invalid 'hostPort'", "70000"],
        );
        rejects(
            &td(vec![with_ports("a", vec![port(80, Some(-1))])]),
            &["Invalid 'hostPort'"],
        );
        ok(&td(vec![with_ports("a", vec![port(65535, Some(65535))])]));
    }

    #[test]
    fn network_mode_none_has_no_port_mappings() {
        ok(&with_mode(NetworkMode::None, vec![ctr("a")]));
        rejects(
            &with_mode(
                NetworkMode::None,
                vec![with_ports("a", vec![port(80, None)])],
            ),
            &["networkMode=none", "'a'"],
        );
    }

    #[test]
    fn host_ports_must_not_clash_in_a_task() {
        // awsvpc: the container port is the host port, across containers.
        rejects(
            &with_mode(
                NetworkMode::Awsvpc,
                vec![
                    with_ports("a", vec![port(80, None)]),
                    with_ports("b", vec![port(80, Some(80))]),
                ],
            ),
            &[
                "TCP host port '80' is mapped multiple times in task",
                "'a' and 'b'",
            ],
        );
        // Different protocols do not clash.
        ok(&with_mode(
            NetworkMode::Awsvpc,
            vec![
                with_ports("a", vec![port(53, None)]),
                with_ports(
                    "b",
                    vec![PortMapping {
                        protocol: Some(TransportProtocol::Udp),
                        ..port(53, None)
                    }],
                ),
            ],
        ));
        // Bridge: only explicit host ports clash.
        ok(&td(vec![
            with_ports("a", vec![port(80, None)]),
            with_ports("b", vec![port(80, Some(0))]),
        ]));
        ok(&td(vec![
            with_ports("a", vec![port(80, Some(8080))]),
            with_ports("b", vec![port(80, Some(8081))]),
        ]));
        rejects(
            &td(vec![
                with_ports("a", vec![port(80, Some(8080))]),
                with_ports("b", vec![port(81, Some(8080))]),
            ]),
            &[
                "TCP host port '8080' is mapped multiple times in task",
                "leave hostPort empty",
            ],
        );
        rejects(
            &td(vec![with_ports(
                "a",
                vec![
                    PortMapping {
                        protocol: Some(TransportProtocol::Udp),
                        ..port(80, Some(9000))
                    },
                    PortMapping {
                        protocol: Some(TransportProtocol::Udp),
                        ..port(81, Some(9000))
                    },
                ],
            )]),
            &["UDP host port '9000'", "by container 'a'"],
        );
    }

    #[test]
    fn container_port_once_per_container() {
        rejects(
            &td(vec![with_ports(
                "a",
                vec![port(80, Some(8080)), port(80, Some(8081))],
            )]),
            &["Container 'a' maps container port 80/tcp in more than one port mapping"],
        );
        ok(&td(vec![with_ports(
            "a",
            vec![
                port(80, None),
                PortMapping {
                    protocol: Some(TransportProtocol::Udp),
                    ..port(80, None)
                },
            ],
        )]));
        rejects(
            &td(vec![with_ports(
                "a",
                vec![
                    port(53, None),
                    PortMapping {
                        protocol: Some(TransportProtocol::Udp),
                        ..port(53, None)
                    },
                    PortMapping {
                        protocol: Some(TransportProtocol::Udp),
                        ..port(53, Some(5353))
                    },
                ],
            )]),
            &["container port 53/udp"],
        );
    }

    #[test]
    fn container_port_range_rules() {
        let range = |r: &str| PortMapping {
            container_port_range: Some(r.to_owned()),
            ..Default::default()
        };
        ok(&td(vec![with_ports(
            "a",
            vec![range("8000-8099"), port(9000, None)],
        )]));
        ok(&with_mode(
            NetworkMode::Awsvpc,
            vec![with_ports("a", vec![range("8000-8099")])],
        ));
        rejects(
            &with_mode(
                NetworkMode::Host,
                vec![with_ports("a", vec![range("8000-8099")])],
            ),
            &["'containerPortRange'", "'bridge' or 'awsvpc'", "'host'"],
        );
        for bad in ["8099-8000", "8000", "0-10", "1-70000", "a-b", "5-5"] {
            rejects(
                &td(vec![with_ports("a", vec![range(bad)])]),
                &["'containerPortRange'", bad],
            );
        }
        rejects(
            &td(vec![with_ports(
                "a",
                vec![PortMapping {
                    container_port: Some(80),
                    ..range("8000-8099")
                }],
            )]),
            &["must not also set containerPort or hostPort"],
        );
        rejects(
            &td(vec![with_ports(
                "a",
                vec![range("8000-8099"), range("8050-8150")],
            )]),
            &["container port 8050/tcp"],
        );
        rejects(
            &td(vec![with_ports(
                "a",
                vec![range("8000-8099"), port(8010, None)],
            )]),
            &["container port 8010/tcp"],
        );
        // In awsvpc the range is also the host range, so it clashes across containers.
        rejects(
            &with_mode(
                NetworkMode::Awsvpc,
                vec![
                    with_ports("a", vec![range("8000-8099")]),
                    with_ports("b", vec![port(8099, None)]),
                ],
            ),
            &["TCP host port '8099'", "'a' and 'b'"],
        );
        // In bridge the host range is dynamic and cannot clash.
        ok(&td(vec![
            with_ports("a", vec![range("8000-8099")]),
            with_ports("b", vec![range("8000-8099")]),
        ]));
        let many: Vec<_> = (0..101)
            .map(|i| range(&format!("{}-{}", 1000 + i * 10, 1005 + i * 10)))
            .collect();
        rejects(
            &td(vec![with_ports("a", many)]),
            &["101 containerPortRange mappings", "at most 100"],
        );
    }

    #[test]
    fn port_mapping_names() {
        let named = |n: &str| PortMapping {
            name: Some(n.to_owned()),
            ..port(80, None)
        };
        ok(&td(vec![with_ports("a", vec![named("http_1-x")])]));
        for bad in ["", "-http", "HTTP", "web.api", &"x".repeat(65)] {
            rejects(
                &td(vec![with_ports("a", vec![named(bad)])]),
                &["Invalid port mapping name", "lowercase"],
            );
        }
        rejects(
            &td(vec![
                with_ports("a", vec![named("http")]),
                with_ports(
                    "b",
                    vec![PortMapping {
                        name: Some("http".to_owned()),
                        ..port(81, None)
                    }],
                ),
            ]),
            &[
                "Port mapping name 'http' is used more than once",
                "'a' and 'b'",
            ],
        );
    }

    // ----- links and dependsOn -----

    #[test]
    fn link_rules() {
        let linked = |name: &str, links: &[&str]| ContainerDefinition {
            links: Some(links.iter().map(|s| (*s).to_owned()).collect()),
            ..ctr(name)
        };
        ok(&td(vec![
            linked("web", &["db", "cache:redis"]),
            ctr("db"),
            ctr("cache"),
        ]));
        rejects(
            &with_mode(NetworkMode::Awsvpc, vec![linked("web", &["db"]), ctr("db")]),
            &[
                "Links are only supported with network mode 'bridge'",
                "'awsvpc'",
                "'web'",
            ],
        );
        rejects(
            &td(vec![linked("web", &["nope"])]),
            &["'links'", "'nope'", "not in this task definition"],
        );
        rejects(
            &td(vec![linked("web", &["web"])]),
            &["cannot link to itself"],
        );
        rejects(
            &td(vec![linked("web", &["db:bad alias"]), ctr("db")]),
            &["alias in 'db:bad alias'"],
        );
        rejects(
            &td(vec![linked("web", &["db:"]), ctr("db")]),
            &["alias in 'db:'"],
        );
        rejects(
            &td(vec![
                linked("a", &["b"]),
                linked("b", &["c"]),
                linked("c", &["a"]),
            ]),
            &["Container links should not have a cycle: a -> b -> c -> a"],
        );
    }

    #[test]
    fn depends_on_targets_must_exist_and_not_be_self() {
        use ContainerCondition::Start;
        ok(&td(vec![depends("app", &[("init", Start)]), ctr("init")]));
        rejects(
            &td(vec![depends("app", &[("ghost", Start)])]),
            &[
                "Cannot depend on container 'ghost' because it does not exist",
                "'app'",
            ],
        );
        rejects(
            &td(vec![depends("app", &[("app", Start)])]),
            &["Container 'app' cannot depend on itself"],
        );
    }

    #[test]
    fn success_and_complete_targets_must_not_be_essential() {
        for condition in [ContainerCondition::Success, ContainerCondition::Complete] {
            let init = ContainerDefinition {
                essential: Some(false),
                ..ctr("init")
            };
            ok(&td(vec![depends("app", &[("init", condition)]), init]));
            rejects(
                &td(vec![depends("app", &[("init", condition)]), ctr("init")]),
                &["A dependency container with SUCCESS or COMPLETE condition cannot be an essential container", condition.as_str(), "'init'"],
            );
        }
    }

    #[test]
    fn healthy_targets_need_a_health_check() {
        let checked = ContainerDefinition {
            health_check: Some(health(&["CMD", "true"])),
            ..ctr("db")
        };
        ok(&td(vec![
            depends("app", &[("db", ContainerCondition::Healthy)]),
            checked,
        ]));
        rejects(
            &td(vec![
                depends("app", &[("db", ContainerCondition::Healthy)]),
                ctr("db"),
            ]),
            &["HEALTHY", "'db' has no healthCheck"],
        );
    }

    #[test]
    fn depends_on_cycles_are_reported_with_their_path() {
        use ContainerCondition::Start;
        // A diamond is not a cycle.
        ok(&td(vec![
            depends("a", &[("b", Start), ("c", Start)]),
            depends("b", &[("d", Start)]),
            depends("c", &[("d", Start)]),
            ctr("d"),
        ]));
        rejects(
            &td(vec![
                depends("a", &[("b", Start)]),
                depends("b", &[("a", Start)]),
            ]),
            &["Container dependencies should not have a cycle: a -> b -> a"],
        );
        rejects(
            &td(vec![
                ctr("x"),
                depends("a", &[("x", Start), ("b", Start)]),
                depends("b", &[("c", Start)]),
                depends("c", &[("b", Start)]),
            ]),
            &["cycle: b -> c -> b"],
        );
    }

    // ----- volumes, placement, proxy, tags -----

    fn volume(name: &str) -> Volume {
        Volume {
            name: Some(name.to_owned()),
            ..Default::default()
        }
    }

    fn mounting(source: Option<&str>, path: Option<&str>) -> ContainerDefinition {
        ContainerDefinition {
            mount_points: Some(vec![MountPoint {
                source_volume: source.map(str::to_owned),
                container_path: path.map(str::to_owned),
                read_only: None,
            }]),
            ..ctr("app")
        }
    }

    #[test]
    fn mount_points_name_declared_volumes() {
        let req = |container, volumes| RegisterTaskDefinitionRequest {
            volumes: Some(volumes),
            ..td(vec![container])
        };
        ok(&req(
            mounting(Some("data"), Some("/data")),
            vec![volume("data")],
        ));
        rejects(
            &req(mounting(Some("logs"), Some("/logs")), vec![volume("data")]),
            &[
                "'mountPoints'",
                "'app'",
                "sourceVolume 'logs' is not a declared volume",
            ],
        );
        rejects(
            &td(vec![mounting(Some("data"), Some("/data"))]),
            &["sourceVolume 'data' is not a declared volume"],
        );
        rejects(
            &req(mounting(None, Some("/data")), vec![volume("data")]),
            &["no 'sourceVolume'"],
        );
        rejects(
            &req(mounting(Some("data"), None), vec![volume("data")]),
            &["needs a 'containerPath'"],
        );
        let twice = ContainerDefinition {
            mount_points: Some(vec![
                MountPoint {
                    source_volume: Some("a".to_owned()),
                    container_path: Some("/x".to_owned()),
                    read_only: None,
                },
                MountPoint {
                    source_volume: Some("b".to_owned()),
                    container_path: Some("/x".to_owned()),
                    read_only: None,
                },
            ]),
            ..ctr("app")
        };
        rejects(
            &req(twice, vec![volume("a"), volume("b")]),
            &["More than one volume is mounted at '/x'"],
        );
    }

    #[test]
    fn volume_declarations() {
        let vols = |volumes| RegisterTaskDefinitionRequest {
            volumes: Some(volumes),
            ..td(vec![ctr("a")])
        };
        ok(&vols(vec![volume("data"), volume("logs")]));
        rejects(
            &vols(vec![Volume::default()]),
            &["Volume name should not be null or empty", "#1"],
        );
        rejects(
            &vols(vec![volume("my data")]),
            &["Invalid volume name 'my data'"],
        );
        rejects(
            &vols(vec![volume("data"), volume("data")]),
            &["Duplicate volume name 'data'"],
        );
        ok(&vols(vec![Volume {
            configured_at_launch: Some(false),
            ..volume("data")
        }]));
    }

    #[test]
    fn volumes_from_names_another_container() {
        let from = |source: Option<&str>| ContainerDefinition {
            volumes_from: Some(vec![VolumeFrom {
                source_container: source.map(str::to_owned),
                read_only: None,
            }]),
            ..ctr("app")
        };
        ok(&td(vec![from(Some("data")), ctr("data")]));
        rejects(
            &td(vec![from(Some("ghost"))]),
            &["'volumesFrom'", "'ghost'"],
        );
        rejects(
            &td(vec![from(None)]),
            &["'volumesFrom'", "sourceContainer ''"],
        );
        rejects(
            &td(vec![from(Some("app"))]),
            &["cannot mount volumes from itself"],
        );
    }

    #[test]
    fn placement_constraint_rules() {
        let member = |expression: Option<&str>| TaskDefinitionPlacementConstraint {
            type_: Some(TaskDefinitionPlacementConstraintType::MemberOf),
            expression: expression.map(str::to_owned),
        };
        let req = |constraints| RegisterTaskDefinitionRequest {
            placement_constraints: Some(constraints),
            ..td(vec![ctr("a")])
        };
        ok(&req(vec![
            member(Some(
                "attribute:ecs.instance-type =~ t3.*"
            ));
            10
        ]));
        rejects(
            &req(vec![member(Some("attribute:x == y")); 11]),
            &["at most 10", "has 11"],
        );
        rejects(&req(vec![member(None)]), &["needs an 'expression'"]);
        rejects(&req(vec![member(Some("  "))]), &["needs an 'expression'"]);
        rejects(
            &req(vec![TaskDefinitionPlacementConstraint {
                type_: None,
                expression: Some("x".to_owned()),
            }]),
            &["type 'memberOf'"],
        );
    }

    #[test]
    fn refused_members_are_named() {
        let task = |edit: fn(&mut RegisterTaskDefinitionRequest)| {
            let mut req = td(vec![ctr("app"), ctr("envoy")]);
            edit(&mut req);
            req
        };
        let container = |edit: fn(&mut ContainerDefinition)| {
            let mut c = ctr("app");
            edit(&mut c);
            td(vec![c])
        };
        let cases: Vec<(RegisterTaskDefinitionRequest, &[&str])> = vec![
            (
                task(|r| {
                    r.proxy_configuration = Some(ProxyConfiguration {
                        container_name: "envoy".to_owned(),
                        ..Default::default()
                    })
                }),
                &["'proxyConfiguration'"],
            ),
            (
                task(|r| {
                    r.inference_accelerators = Some(vec![InferenceAccelerator {
                        device_name: "d".to_owned(),
                        device_type: "eia2.medium".to_owned(),
                    }])
                }),
                &["'inferenceAccelerators'"],
            ),
            (
                task(|r| r.ephemeral_storage = Some(EphemeralStorage { size_in_gi_b: 30 })),
                &["'ephemeralStorage'"],
            ),
            (
                task(|r| {
                    r.runtime_platform = Some(RuntimePlatform {
                        operating_system_family: Some(OSFamily::WindowsServer2022Core),
                        cpu_architecture: None,
                    })
                }),
                &[
                    "'runtimePlatform.operatingSystemFamily'",
                    "WINDOWS_SERVER_2022_CORE",
                ],
            ),
            (
                task(|r| r.enable_fault_injection = Some(true)),
                &["'enableFaultInjection'"],
            ),
            (
                task(|r| {
                    r.volumes = Some(vec![Volume {
                        efs_volume_configuration: Some(Default::default()),
                        ..volume("efs")
                    }])
                }),
                &["Volume 'efs'", "'efsVolumeConfiguration'"],
            ),
            (
                task(|r| {
                    r.volumes = Some(vec![Volume {
                        configured_at_launch: Some(true),
                        ..volume("ebs")
                    }])
                }),
                &["Volume 'ebs'", "'configuredAtLaunch'"],
            ),
            (
                container(|c| {
                    c.environment_files = Some(vec![EnvironmentFile {
                        value: "arn:aws:s3:::bucket/app.env".to_owned(),
                        type_: EnvironmentFileType::S3,
                    }])
                }),
                &["Container 'app'", "'environmentFiles'", "S3"],
            ),
            (
                container(|c| {
                    c.firelens_configuration = Some(FirelensConfiguration {
                        type_: FirelensConfigurationType::Fluentbit,
                        options: None,
                    })
                }),
                &["'firelensConfiguration'"],
            ),
            (
                container(|c| c.credential_specs = Some(vec!["credentialspec:x".to_owned()])),
                &["'credentialSpecs'"],
            ),
            (
                container(|c| {
                    c.resource_requirements = Some(vec![ResourceRequirement {
                        value: "device_1".to_owned(),
                        type_: ResourceType::InferenceAccelerator,
                    }])
                }),
                &["'resourceRequirements.type'", "InferenceAccelerator"],
            ),
            (
                container(|c| c.version_consistency = Some(VersionConsistency::Enabled)),
                &["'versionConsistency'", "'disabled'"],
            ),
            (
                container(|c| {
                    c.log_configuration = Some(LogConfiguration {
                        log_driver: LogDriver::Splunk,
                        options: None,
                        secret_options: None,
                    })
                }),
                &["'logConfiguration.logDriver'", "'splunk'"],
            ),
            (
                container(|c| {
                    c.log_configuration = Some(LogConfiguration {
                        log_driver: LogDriver::JsonFile,
                        options: Some([("nope".to_owned(), "1".to_owned())].into()),
                        secret_options: None,
                    })
                }),
                &["'logConfiguration.options'", "'nope'"],
            ),
        ];
        for (req, parts) in &cases {
            rejects(req, parts);
        }
        // The values ECS treats as "off" are accepted.
        ok(&task(|r| r.enable_fault_injection = Some(false)));
        ok(&container(|c| {
            c.version_consistency = Some(VersionConsistency::Disabled)
        }));
        ok(&task(|r| {
            r.runtime_platform = Some(RuntimePlatform {
                operating_system_family: Some(OSFamily::Linux),
                cpu_architecture: Some(CPUArchitecture::Arm64),
            })
        }));
        ok(&container(|c| {
            c.resource_requirements = Some(vec![ResourceRequirement {
                value: "1".to_owned(),
                type_: ResourceType::Gpu,
            }])
        }));
    }

    #[test]
    fn tag_rules() {
        let tag = |key: Option<&str>| Tag {
            key: key.map(str::to_owned),
            value: Some("v".to_owned()),
        };
        let req = |tags| RegisterTaskDefinitionRequest {
            tags: Some(tags),
            ..td(vec![ctr("a")])
        };
        ok(&req(vec![
            tag(Some("team")),
            tag(Some("env")),
            tag(Some("awsome")),
        ]));
        rejects_as(
            &req(vec![tag(Some("AWS:owner"))]),
            ViolationKind::InvalidParameter,
            &["'AWS:owner'", "reserved"],
        );
        rejects_as(
            &req(vec![tag(Some("aws:x"))]),
            ViolationKind::InvalidParameter,
            &["'aws:'"],
        );
        rejects_as(
            &req(vec![tag(Some("team")), tag(Some("team"))]),
            ViolationKind::InvalidParameter,
            &["'team' is given more than once"],
        );
        rejects_as(
            &req(vec![tag(None)]),
            ViolationKind::InvalidParameter,
            &["must not be empty"],
        );
        // Multi-byte keys must not trip the prefix check.
        ok(&req(vec![tag(Some("ñañ"))]));
    }

    // ----- a realistic whole definition -----

    #[test]
    fn realistic_fargate_definition_passes() {
        let app = ContainerDefinition {
            name: Some("app".to_owned()),
            image: Some("public.ecr.aws/nginx/nginx:1.27".to_owned()),
            port_mappings: Some(vec![PortMapping {
                name: Some("http".to_owned()),
                ..port(80, Some(80))
            }]),
            depends_on: Some(vec![
                ContainerDependency {
                    container_name: "init".to_owned(),
                    condition: ContainerCondition::Success,
                },
                ContainerDependency {
                    container_name: "envoy".to_owned(),
                    condition: ContainerCondition::Healthy,
                },
            ]),
            mount_points: Some(vec![MountPoint {
                source_volume: Some("shared".to_owned()),
                container_path: Some("/usr/share/nginx/html".to_owned()),
                read_only: Some(true),
            }]),
            environment: Some(vec![KeyValuePair {
                name: Some("MODE".to_owned()),
                value: Some("prod".to_owned()),
            }]),
            cpu: Some(128),
            stop_timeout: Some(30),
            ..Default::default()
        };
        let init = ContainerDefinition {
            essential: Some(false),
            memory: None,
            cpu: Some(64),
            ..ctr("init")
        };
        let envoy = ContainerDefinition {
            memory: None,
            health_check: Some(HealthCheck {
                interval: Some(10),
                ..health(&["CMD-SHELL", "curl -s localhost:9901/ready"])
            }),
            port_mappings: Some(vec![port(9901, None)]),
            ..ctr("envoy")
        };
        let req = RegisterTaskDefinitionRequest {
            family: "shop-frontend".to_owned(),
            cpu: Some(".5 vCPU".to_owned()),
            memory: Some("1 GB".to_owned()),
            volumes: Some(vec![volume("shared")]),
            tags: Some(vec![Tag {
                key: Some("team".to_owned()),
                value: Some("shop".to_owned()),
            }]),
            ..fargate(vec![app, init, envoy])
        };
        ok(&req);
    }

    fn gpu(name: &str, values: &[&str]) -> ContainerDefinition {
        ContainerDefinition {
            resource_requirements: Some(
                values
                    .iter()
                    .map(|v| ResourceRequirement {
                        value: (*v).to_owned(),
                        type_: ResourceType::Gpu,
                    })
                    .collect(),
            ),
            ..ctr(name)
        }
    }

    #[test]
    fn gpu_rules() {
        ok(&td(vec![gpu("a", &["1"]), gpu("b", &[" 2 "]), ctr("c")]));
        assert_eq!(container_gpus("b", &gpu("b", &["2"])), Ok(2));
        assert_eq!(container_gpus("c", &ctr("c")), Ok(0));
        for bad in ["0", "-1", "abc", "", "65", "1e3"] {
            rejects(
                &td(vec![gpu("a", &[bad])]),
                &["'resourceRequirements'", "container 'a'", "from 1 to 64"],
            );
        }
        for unsupported in ["ALL", "all", "0.5"] {
            rejects(
                &td(vec![gpu("a", &[unsupported])]),
                &["'resourceRequirements'", "whole GPUs only", "'ALL'"],
            );
        }
        rejects(
            &td(vec![gpu("a", &["1", "2"])]),
            &["'resourceRequirements'", "more than once"],
        );
        // Each container may reserve up to 64, but a task runs on one instance.
        ok(&td(vec![gpu("a", &["32"]), gpu("b", &["32"])]));
        rejects(
            &td(vec![gpu("a", &["40"]), gpu("b", &["40"])]),
            &["80 GPUs in total", "64"],
        );
        rejects(
            &fargate(vec![gpu("a", &["1"])]),
            &["Fargate", "GPU", "container 'a'"],
        );
    }

    #[test]
    fn agent_settings_are_checked_at_registration() {
        let container = |edit: &dyn Fn(&mut ContainerDefinition)| {
            let mut c = ctr("app");
            edit(&mut c);
            td(vec![c])
        };
        let policy = |period: Option<i32>, codes: usize| {
            Some(berth_api::ecs::ContainerRestartPolicy {
                enabled: true,
                ignored_exit_codes: Some((0..codes as i32).collect()),
                restart_attempt_period: period,
            })
        };
        rejects(
            &container(&|c| c.restart_policy = policy(Some(59), 0)),
            &["restartAttemptPeriod", "60", "1800"],
        );
        rejects(
            &container(&|c| c.restart_policy = policy(Some(1801), 0)),
            &["restartAttemptPeriod"],
        );
        rejects(
            &container(&|c| c.restart_policy = policy(Some(60), 51)),
            &["ignoredExitCodes", "50"],
        );
        ok(&container(&|c| c.restart_policy = policy(Some(60), 50)));
        rejects(
            &container(&|c| {
                c.docker_security_options = Some(vec!["credentialspec:file://x.json".into()])
            }),
            &["'dockerSecurityOptions'", "credentialspec"],
        );
        rejects(
            &container(&|c| c.docker_security_options = Some(vec!["privileged".into()])),
            &["'dockerSecurityOptions'", "'privileged'"],
        );
        ok(&container(&|c| {
            c.docker_security_options = Some(vec![
                "no-new-privileges".into(),
                "apparmor:docker-default".into(),
                "label:type:svirt_apache_t".into(),
                "seccomp:unconfined".into(),
            ])
        }));
        rejects(
            &container(&|c| {
                c.memory = None;
                c.memory_reservation = Some(64);
                c.linux_parameters = Some(berth_api::ecs::LinuxParameters {
                    max_swap: Some(128),
                    ..Default::default()
                })
            }),
            &["maxSwap", "'memory'"],
        );
        rejects(
            &container(&|c| {
                c.system_controls = Some(vec![berth_api::ecs::SystemControl {
                    namespace: None,
                    value: Some("1".into()),
                }])
            }),
            &["'systemControls'", "'namespace'"],
        );
        let mut req = td(vec![ctr("app")]);
        req.volumes = Some(vec![berth_api::ecs::Volume {
            name: Some("data".into()),
            host: Some(berth_api::ecs::HostVolumeProperties {
                source_path: Some("srv/data".into()),
            }),
            ..Default::default()
        }]);
        rejects(&req, &["'host.sourcePath'", "absolute"]);
    }

    #[test]
    fn violations_display_their_message() {
        let err = validate_registration(&td(vec![])).expect_err("empty container list");
        assert_eq!(err.to_string(), err.message);
    }
}
