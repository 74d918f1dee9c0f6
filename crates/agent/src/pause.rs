//! The per-task pause container: it owns the namespaces a task's containers share
//! (`pidMode: task`, `ipcMode: task`), as ECS's pause container does. It is created and
//! started before the task's containers, which join its namespaces
//! (`container:<pause>`), and it is stopped and removed after them.
//!
//! Its image must not need a registry, so the agent builds it: a ~300-byte static ELF
//! program made here from a few instructions, imported into the runtime as a one-file
//! image (`docker import`). The program
//! - sets `SIGCHLD` to `SIG_IGN`, so that processes orphaned into the shared PID namespace
//!   (where it is PID 1) are reaped by the kernel instead of lingering as zombies;
//! - exits 0 on `SIGTERM` and `SIGINT`, so `docker stop` ends it at once;
//! - otherwise sleeps in `pause()` forever.
//!
//! The image is tagged with a hash of the program, so a changed program gets a new image
//! and never runs under an old tag.

use std::collections::BTreeMap;

use berth_api::protocol::{labels, DesiredTask};
use sha2::{Digest, Sha256};

use crate::runtime::{docker_name, task_id, ContainerSpec, RuntimeError};

/// The repository of the pause image; the tag is the program's hash.
pub const PAUSE_REPOSITORY: &str = "berth/pause";
/// The program's path inside the image.
pub const PAUSE_PATH: &str = "/pause";
/// The value of [`labels::ROLE`] on pause containers.
pub const ROLE_PAUSE: &str = "pause";

/// Where the program is loaded (the usual base of a static x86-64 executable).
const BASE: u64 = 0x40_0000;
/// ELF header (64 bytes) plus one program header (56 bytes): the code starts here.
const CODE_OFFSET: u64 = 64 + 56;

/// The program's x86-64 code, loaded at `BASE + CODE_OFFSET`. Assembled from:
///
/// ```text
///   mov eax, 13; mov edi, 17; lea rsi, [rip+ign];  xor edx, edx; mov r10d, 8; syscall
///   mov eax, 13; mov edi, 15; lea rsi, [rip+term]; xor edx, edx; mov r10d, 8; syscall
///   mov eax, 13; mov edi, 2;  lea rsi, [rip+term]; xor edx, edx; mov r10d, 8; syscall
/// loop: mov eax, 34; syscall; jmp loop              ; pause() forever
/// quit: mov eax, 231; xor edi, edi; syscall         ; exit_group(0)
/// ign:  .quad 1, 0, 0, 0                            ; SIG_IGN
/// term: .quad quit, SA_RESTORER, quit, 0            ; handler = quit (never returns)
/// ```
///
/// (13 = `rt_sigaction`, 17 = `SIGCHLD`, 15 = `SIGTERM`, 2 = `SIGINT`, 34 = `pause`.)
/// The two `quit` addresses in `term` are patched in by [`pause_program`].
const X86_64_CODE: [u8; 163] = [
    0xb8, 0x0d, 0x00, 0x00, 0x00, // mov eax, 13
    0xbf, 0x11, 0x00, 0x00, 0x00, // mov edi, 17
    0x48, 0x8d, 0x35, 0x52, 0x00, 0x00, 0x00, // lea rsi, [rip+0x52] (ign)
    0x31, 0xd2, // xor edx, edx
    0x41, 0xba, 0x08, 0x00, 0x00, 0x00, // mov r10d, 8
    0x0f, 0x05, // syscall
    0xb8, 0x0d, 0x00, 0x00, 0x00, // mov eax, 13
    0xbf, 0x0f, 0x00, 0x00, 0x00, // mov edi, 15
    0x48, 0x8d, 0x35, 0x57, 0x00, 0x00, 0x00, // lea rsi, [rip+0x57] (term)
    0x31, 0xd2, // xor edx, edx
    0x41, 0xba, 0x08, 0x00, 0x00, 0x00, // mov r10d, 8
    0x0f, 0x05, // syscall
    0xb8, 0x0d, 0x00, 0x00, 0x00, // mov eax, 13
    0xbf, 0x02, 0x00, 0x00, 0x00, // mov edi, 2
    0x48, 0x8d, 0x35, 0x3c, 0x00, 0x00, 0x00, // lea rsi, [rip+0x3c] (term)
    0x31, 0xd2, // xor edx, edx
    0x41, 0xba, 0x08, 0x00, 0x00, 0x00, // mov r10d, 8
    0x0f, 0x05, // syscall
    0xb8, 0x22, 0x00, 0x00, 0x00, // loop: mov eax, 34
    0x0f, 0x05, // syscall
    0xeb, 0xf7, // jmp loop
    0xb8, 0xe7, 0x00, 0x00, 0x00, // quit: mov eax, 231
    0x31, 0xff, // xor edi, edi
    0x0f, 0x05, // syscall
    // ign: struct sigaction { handler = SIG_IGN, flags, restorer, mask }
    0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
    // term: { handler = quit, flags = SA_RESTORER, restorer = quit, mask = 0 }
    0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x00, 0x04, 0, 0, 0, 0, //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
];
/// Offsets in [`X86_64_CODE`] of `quit` and of the `term` structure.
const X86_64_QUIT: usize = 0x5a;
const X86_64_TERM: usize = 0x83;

/// The pause program for this machine's architecture, as a complete static ELF file.
pub fn pause_program() -> Result<Vec<u8>, RuntimeError> {
    if std::env::consts::ARCH != "x86_64" {
        return Err(RuntimeError::Invalid(format!(
            "pidMode and ipcMode 'task' need berth's pause container, which berth builds \
             only for x86_64 hosts; this host is {}",
            std::env::consts::ARCH
        )));
    }
    let mut code = X86_64_CODE.to_vec();
    let quit = BASE + CODE_OFFSET + X86_64_QUIT as u64;
    code[X86_64_TERM..X86_64_TERM + 8].copy_from_slice(&quit.to_le_bytes());
    code[X86_64_TERM + 16..X86_64_TERM + 24].copy_from_slice(&quit.to_le_bytes());
    Ok(elf64(&code, 62))
}

/// A minimal ELF64 executable: one read+execute segment holding the headers and `code`,
/// entered at the start of `code`. `machine` is the ELF machine number.
fn elf64(code: &[u8], machine: u16) -> Vec<u8> {
    let size = CODE_OFFSET + code.len() as u64;
    let mut elf = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // e_ident: magic, 64-bit, little-endian, version 1, System V ABI, padding.
    elf.extend_from_slice(&[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    elf.extend_from_slice(&2u16.to_le_bytes()); // e_type: ET_EXEC
    elf.extend_from_slice(&machine.to_le_bytes()); // e_machine
    elf.extend_from_slice(&1u32.to_le_bytes()); // e_version
    elf.extend_from_slice(&(BASE + CODE_OFFSET).to_le_bytes()); // e_entry
    elf.extend_from_slice(&64u64.to_le_bytes()); // e_phoff
    elf.extend_from_slice(&0u64.to_le_bytes()); // e_shoff
    elf.extend_from_slice(&0u32.to_le_bytes()); // e_flags
    elf.extend_from_slice(&64u16.to_le_bytes()); // e_ehsize
    elf.extend_from_slice(&56u16.to_le_bytes()); // e_phentsize
    elf.extend_from_slice(&1u16.to_le_bytes()); // e_phnum
    elf.extend_from_slice(&64u16.to_le_bytes()); // e_shentsize
    elf.extend_from_slice(&0u16.to_le_bytes()); // e_shnum
    elf.extend_from_slice(&0u16.to_le_bytes()); // e_shstrndx
                                                // Program header: PT_LOAD, PF_R | PF_X, the whole file at BASE.
    elf.extend_from_slice(&1u32.to_le_bytes()); // p_type
    elf.extend_from_slice(&5u32.to_le_bytes()); // p_flags
    elf.extend_from_slice(&0u64.to_le_bytes()); // p_offset
    elf.extend_from_slice(&BASE.to_le_bytes()); // p_vaddr
    elf.extend_from_slice(&BASE.to_le_bytes()); // p_paddr
    elf.extend_from_slice(&size.to_le_bytes()); // p_filesz
    elf.extend_from_slice(&size.to_le_bytes()); // p_memsz
    elf.extend_from_slice(&0x1000u64.to_le_bytes()); // p_align
    elf.extend_from_slice(code);
    elf
}

/// The pause image's reference: `berth/pause:<first 12 hex digits of the program's hash>`.
pub fn pause_image() -> Result<String, RuntimeError> {
    let program = pause_program()?;
    let hash = hex::encode(Sha256::digest(&program));
    Ok(format!("{PAUSE_REPOSITORY}:{}", &hash[..12]))
}

/// The root filesystem of the pause image: a tar archive holding only the program.
pub fn pause_rootfs_tar() -> Result<Vec<u8>, RuntimeError> {
    let program = pause_program()?;
    let mut builder = tar::Builder::new(Vec::new());
    let mut header = tar::Header::new_gnu();
    header.set_size(program.len() as u64);
    header.set_mode(0o555);
    header.set_uid(0);
    header.set_gid(0);
    header.set_mtime(0);
    header.set_entry_type(tar::EntryType::Regular);
    builder
        .append_data(
            &mut header,
            PAUSE_PATH.trim_start_matches('/'),
            program.as_slice(),
        )
        .and_then(|()| builder.into_inner())
        .map_err(|e| RuntimeError::Other(format!("building the pause image: {e}")))
}

/// The deterministic runtime name of a task's pause container. A task container's name
/// (`berth-{family}-{revision}-{container}-{id}`) always has more dashes, so the two
/// never collide.
pub fn pause_container_name(task: &DesiredTask) -> String {
    // No dash in the ID part, so that it cannot be mistaken for a task container's name.
    docker_name(&format!(
        "berth-pause-{}",
        task_id(&task.task_arn).replace('-', "_")
    ))
}

/// The spec of a task's pause container. It has no network of its own (`none`) unless
/// the task is awsvpc, when it is attached to `network` (the host slice's network) with
/// the task's address; it shares its IPC namespace when the task asks for `ipcMode:
/// task`, drops every capability and runs read-only: it only has to exist.
pub fn pause_spec(
    task: &DesiredTask,
    image: &str,
    instance_arn: &str,
    generation: u64,
    cgroup_parent: Option<&str>,
    network: Option<&str>,
) -> ContainerSpec {
    let address = network.and(task.network.as_ref());
    let labels = BTreeMap::from([
        (labels::CLUSTER.to_string(), task.cluster.clone()),
        (labels::TASK_ARN.to_string(), task.task_arn.clone()),
        (labels::FAMILY.to_string(), task.family.clone()),
        (labels::REVISION.to_string(), task.revision.to_string()),
        (labels::GENERATION.to_string(), generation.to_string()),
        (labels::INSTANCE_ARN.to_string(), instance_arn.to_string()),
        (labels::ROLE.to_string(), ROLE_PAUSE.to_string()),
    ]);
    let mut spec = ContainerSpec {
        name: pause_container_name(task),
        image: image.to_string(),
        entry_point: Some(vec![PAUSE_PATH.to_string()]),
        command: Some(Vec::new()),
        cpu_shares: 2,
        network_mode: network.unwrap_or("none").into(),
        ipv4_address: address.map(|n| n.address.clone()),
        mac_address: address.map(|n| n.mac_address.clone()),
        ipc_mode: (task.ipc_mode == Some(berth_api::ecs::IpcMode::Task))
            .then(|| "shareable".to_string()),
        stop_timeout: std::time::Duration::from_secs(2),
        readonly_rootfs: true,
        cap_drop: vec!["ALL".into()],
        cgroup_parent: cgroup_parent.map(str::to_string),
        labels,
        ..Default::default()
    };
    // The same runtime as the task's containers: under gVisor they join its network
    // namespace, which the sandbox keeps on the host (runsc `--network=host`).
    crate::isolation::apply(&mut spec, task.isolation);
    spec
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_program_is_a_well_formed_elf() {
        let Ok(elf) = pause_program() else {
            return; // not x86-64
        };
        assert_eq!(&elf[..4], b"\x7fELF");
        assert_eq!(elf.len(), 120 + X86_64_CODE.len());
        // The handler address points at `quit` (mov eax, 231).
        let quit = usize::try_from(CODE_OFFSET).expect("small") + X86_64_QUIT;
        assert_eq!(&elf[quit..quit + 5], &[0xb8, 0xe7, 0, 0, 0]);
        let term = usize::try_from(CODE_OFFSET).expect("small") + X86_64_TERM;
        let handler = u64::from_le_bytes(elf[term..term + 8].try_into().expect("8 bytes"));
        assert_eq!(handler, BASE + quit as u64);
        // The image tag follows the program.
        let image = pause_image().expect("image");
        assert!(image.starts_with("berth/pause:") && image.len() == "berth/pause:".len() + 12);
    }

    /// Runs the program on this host: it goes to sleep in `pause()` (after installing its
    /// handlers), stays there, and SIGTERM ends it with 0.
    #[tokio::test]
    async fn the_program_pauses_and_exits_on_sigterm() {
        let Ok(elf) = pause_program() else {
            return;
        };
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("pause");
        std::fs::write(&path, &elf).expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        let mut child = std::process::Command::new(&path).spawn().expect("spawn");
        let stat = format!("/proc/{}/stat", child.id());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            assert!(
                child.try_wait().expect("try_wait").is_none(),
                "exited early"
            );
            // The third field is the state: `S` once it sleeps in pause().
            let state = std::fs::read_to_string(&stat).expect("stat");
            if state.split_whitespace().nth(2) == Some("S") {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "never paused: {state}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        let status = std::process::Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        let exit = child.wait().expect("wait");
        assert_eq!(exit.code(), Some(0), "{exit:?}");
    }

    #[test]
    fn the_rootfs_holds_only_the_program() {
        let Ok(tar_bytes) = pause_rootfs_tar() else {
            return;
        };
        let mut archive = tar::Archive::new(tar_bytes.as_slice());
        let names: Vec<String> = archive
            .entries()
            .expect("entries")
            .map(|e| {
                e.expect("entry")
                    .path()
                    .expect("path")
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(names, vec!["pause".to_string()]);
    }
}
