//! [`Cluster`]: the instances of one ECS cluster plus the derived indexes that
//! make placement fast, and the placement algorithm itself.
//!
//! One call to [`Cluster::place`] runs in three steps:
//! 1. **Filter** (once per call, O(instances)): keep instances that are ACTIVE,
//!    connected, of the requested launch type, have the required attributes,
//!    pass every `memberOf`, are not excluded by `distinctInstance`, and fit the
//!    task's CPU, memory, GPUs and static ports. Static `memberOf` and
//!    `requiresAttributes` results are cached per instance across calls (they
//!    only change when an instance is upserted), so a repeated expression costs a
//!    lookup, not an evaluation.
//! 2. **Decide** (per task): the strategy chain narrows the live candidates; the
//!    first strategy works on precomputed structures (a sticky pick for
//!    `binpack`, per-value buckets for `spread(attribute)`), later ones narrow the
//!    tie set, and a seeded RNG breaks the remaining tie.
//! 3. **Book**: the task's resources are taken from the instance (GPUs by ID: the free
//!    ones with the lowest IDs, returned with the placement) and every index
//!    (remaining resources, task counts, groups, spread counts) is updated, so the
//!    next decision never over-commits. Only the chosen instance can change
//!    liveness, so only it is re-checked.
//!
//! The server can keep one `Cluster` per ECS cluster and update it
//! ([`Cluster::upsert_instance`], [`Cluster::release`]), or call [`crate::schedule`]
//! on a fresh snapshot each time (simpler, but it rebuilds the caches).

use std::collections::{BTreeMap, HashMap};

use berth_api::ecs::Failure;
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

use crate::constraint::{Constraint, MemberOf};
use crate::error::ScheduleError;
use crate::failure::{FailureReason, PlacementFailure};
use crate::model::{Instance, LaunchType, RequiredAttribute, Resources, TaskDemand};
use crate::strategy::{BinpackField, SpreadField, Strategy};

/// Cached per-expression (or per-attribute) vectors beyond this count are
/// dropped wholesale; each costs one byte or word per instance.
const MAX_CACHED: usize = 256;

/// One placement call: place `count` tasks of `demand`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacementRequest {
    pub demand: TaskDemand,
    pub count: usize,
    /// Applied in order; empty means `random` (ECS RunTask's default).
    pub strategies: Vec<Strategy>,
    pub constraints: Vec<Constraint>,
    /// Seeds the tie-breaking RNG: the same cluster and request give the same result.
    pub seed: u64,
}

/// Where one task went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// Index into the instances the call was made with ([`Cluster::instances`]).
    pub instance_index: usize,
    /// The container instance ARN.
    pub instance_id: String,
    /// The GPUs the task was given on that instance (as many as the demand's `gpus`).
    pub gpu_ids: Vec<String>,
}

/// The result of a placement call: as many tasks as fit, and why the rest did not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlacementOutcome {
    /// In placement order; at most `count`.
    pub placements: Vec<Placement>,
    /// How many of the requested tasks were not placed.
    pub unplaced: usize,
    /// Empty when every task was placed. Otherwise ECS's failures for the first
    /// task that did not fit (every later one fails for the same reasons, since
    /// nothing changes after it): one entry per rejecting instance, or a single
    /// cluster-wide entry.
    pub failures: Vec<PlacementFailure>,
}

impl PlacementOutcome {
    /// The failures in ECS's wire shape, for a RunTask/StartTask response.
    pub fn ecs_failures(&self) -> Vec<Failure> {
        self.failures.iter().map(PlacementFailure::to_ecs).collect()
    }
}

/// Per-instance tasks-per-value counts for one `spread(attribute:NAME)` field.
#[derive(Debug, Clone)]
struct SpreadIndex {
    /// Value id of each instance; 0 is "attribute missing or without a value".
    value_of: Vec<u32>,
    /// Tasks running on all instances with each value (including this call's).
    tasks_per_value: Vec<u64>,
}

/// A strategy resolved against the cluster's indexes.
#[derive(Debug, Clone, Copy)]
enum Step {
    Binpack(BinpackField),
    SpreadInstance,
    SpreadAttr(usize),
    Random,
}

/// Buffers reused across calls so a decision allocates nothing.
#[derive(Debug, Default)]
struct Scratch {
    /// Instances that can take the next task, in a deterministic order.
    live: Vec<u32>,
    /// For a `spread(attribute)` first step: live instances by value id.
    buckets: Vec<Vec<u32>>,
    cands: Vec<u32>,
    /// `stamp[i] == gen` marks instance `i` as excluded by distinctInstance in
    /// the current call, so no O(instances) clearing is needed between calls.
    stamp: Vec<u32>,
    gen: u32,
}

/// The instances of one cluster, their derived indexes and the placement state.
#[derive(Debug)]
pub struct Cluster {
    instances: Vec<Instance>,
    by_id: HashMap<String, usize>,
    // Hot per-instance columns, kept equal to what `instances` implies.
    rem_cpu: Vec<i64>,
    rem_mem: Vec<i64>,
    rem_gpu: Vec<u32>,
    tasks: Vec<u32>,
    /// ACTIVE and agent connected.
    schedulable: Vec<bool>,
    launch: Vec<LaunchType>,
    /// Task group → instance index → tasks of the group there.
    groups: HashMap<String, HashMap<u32, u32>>,
    member_cache: HashMap<String, Vec<bool>>,
    requires_cache: HashMap<Vec<RequiredAttribute>, Vec<bool>>,
    spread_slots: HashMap<String, usize>,
    spreads: Vec<SpreadIndex>,
    scratch: Scratch,
}

impl Cluster {
    /// Builds the indexes for a snapshot. Instance ids must be unique.
    pub fn new(instances: Vec<Instance>) -> Result<Cluster, ScheduleError> {
        let mut c = Cluster {
            instances,
            by_id: HashMap::new(),
            rem_cpu: Vec::new(),
            rem_mem: Vec::new(),
            rem_gpu: Vec::new(),
            tasks: Vec::new(),
            schedulable: Vec::new(),
            launch: Vec::new(),
            groups: HashMap::new(),
            member_cache: HashMap::new(),
            requires_cache: HashMap::new(),
            spread_slots: HashMap::new(),
            spreads: Vec::new(),
            scratch: Scratch::default(),
        };
        c.rebuild()?;
        Ok(c)
    }

    /// The instances, with every placement made so far booked on them.
    pub fn instances(&self) -> &[Instance] {
        &self.instances
    }

    pub fn instance(&self, id: &str) -> Option<&Instance> {
        self.by_id.get(id).map(|i| &self.instances[*i])
    }

    /// Adds an instance or replaces the one with the same id (attributes,
    /// status, resources, anything). Indexes stay valid: caches that depend on
    /// attributes are dropped and rebuilt lazily on their next use.
    pub fn upsert_instance(&mut self, inst: Instance) {
        self.invalidate_caches();
        match self.by_id.get(&inst.id) {
            Some(&i) => {
                self.unindex_groups(i);
                self.instances[i] = inst;
                self.refresh_columns(i);
                self.index_groups(i);
            }
            None => {
                let i = self.instances.len();
                self.by_id.insert(inst.id.clone(), i);
                self.instances.push(inst);
                self.rem_cpu.push(0);
                self.rem_mem.push(0);
                self.rem_gpu.push(0);
                self.tasks.push(0);
                self.schedulable.push(false);
                self.launch.push(LaunchType::Ec2);
                self.scratch.stamp.push(0);
                self.refresh_columns(i);
                self.index_groups(i);
            }
        }
    }

    /// Replaces what an instance's tasks hold (resources, task count, task groups) and
    /// keeps everything else, so the caches derived from attributes stay valid: O(groups on
    /// the instance + spread fields). This is how a long-lived `Cluster` follows tasks that
    /// start and stop elsewhere.
    pub fn set_usage(
        &mut self,
        id: &str,
        used: Resources,
        running_tasks_count: u32,
        task_groups: BTreeMap<String, u32>,
    ) -> Result<(), ScheduleError> {
        let i = self.index_of(id)?;
        self.unindex_groups(i);
        let before = u64::from(self.instances[i].running_tasks_count);
        let after = u64::from(running_tasks_count);
        for s in &mut self.spreads {
            let v = s.value_of[i] as usize;
            s.tasks_per_value[v] = s.tasks_per_value[v].saturating_sub(before) + after;
        }
        let inst = &mut self.instances[i];
        inst.used = used;
        inst.running_tasks_count = running_tasks_count;
        inst.task_groups = task_groups;
        self.refresh_columns(i);
        self.index_groups(i);
        Ok(())
    }

    /// Removes an instance. Indexes shift, so this rebuilds them: O(instances).
    pub fn remove_instance(&mut self, id: &str) -> Option<Instance> {
        let i = *self.by_id.get(id)?;
        let removed = self.instances.remove(i);
        // Ids were unique before, so they still are: rebuild cannot fail.
        let _ = self.rebuild();
        Some(removed)
    }

    /// Books a task that was placed outside this `Cluster` (e.g. found running
    /// at startup) and holds the GPUs `gpu_ids` there. Resources are taken even if
    /// that over-commits: the task exists, and the books must say so.
    pub fn book(
        &mut self,
        id: &str,
        demand: &TaskDemand,
        gpu_ids: &[String],
    ) -> Result<(), ScheduleError> {
        let i = self.index_of(id)?;
        self.instances[i].book_with_gpus(demand, gpu_ids);
        self.index_booking(i, demand);
        Ok(())
    }

    /// Returns a stopped task's resources, and the GPUs `gpu_ids` it held, to its instance.
    pub fn release(
        &mut self,
        id: &str,
        demand: &TaskDemand,
        gpu_ids: &[String],
    ) -> Result<(), ScheduleError> {
        let i = self.index_of(id)?;
        self.instances[i].unbook(demand, gpu_ids);
        for s in &mut self.spreads {
            let v = s.value_of[i] as usize;
            s.tasks_per_value[v] = s.tasks_per_value[v].saturating_sub(1);
        }
        if let Some(g) = &demand.group {
            if let Some(hosts) = self.groups.get_mut(g) {
                if let Some(n) = hosts.get_mut(&(i as u32)) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        hosts.remove(&(i as u32));
                    }
                }
            }
        }
        self.refresh_columns(i);
        Ok(())
    }

    fn index_of(&self, id: &str) -> Result<usize, ScheduleError> {
        self.by_id
            .get(id)
            .copied()
            .ok_or_else(|| ScheduleError::UnknownInstance(id.to_string()))
    }

    /// Places up to `request.count` tasks and books them on this cluster.
    ///
    /// Returns an error only for invalid input; tasks that do not fit are
    /// reported in the outcome. For each instance the first failing check in
    /// this order gives its reason: agent connected (`AGENT`), status ACTIVE and
    /// launch type (otherwise the instance is left out, as ECS does), required
    /// attributes (`ATTRIBUTE`), memberOf, distinctInstance, CPU, memory, GPU, ports.
    pub fn place(&mut self, request: &PlacementRequest) -> Result<PlacementOutcome, ScheduleError> {
        let demand = &request.demand;
        demand.validate()?;
        let mut outcome = PlacementOutcome::default();
        if request.count == 0 {
            return Ok(outcome);
        }

        // Resolve everything that needs `&mut self` before the hot loop.
        let default_chain = [Strategy::Random];
        let strategies = if request.strategies.is_empty() {
            &default_chain[..]
        } else {
            &request.strategies
        };
        self.make_room_in_caches(strategies, &request.constraints);
        let steps: Vec<Step> = strategies.iter().map(|s| self.resolve_step(s)).collect();
        let distinct = request
            .constraints
            .iter()
            .any(|c| matches!(c, Constraint::DistinctInstance));
        let members: Vec<&MemberOf> = request
            .constraints
            .iter()
            .filter_map(|c| match c {
                Constraint::MemberOf(m) => Some(m),
                Constraint::DistinctInstance => None,
            })
            .collect();
        for m in members.iter().filter(|m| !m.is_dynamic()) {
            self.ensure_member_cache(m);
        }
        if !demand.required_attributes.is_empty() {
            self.ensure_requires_cache(&demand.required_attributes);
        }
        self.next_generation();
        if distinct {
            self.stamp_group_hosts(demand.group.as_deref());
        }

        let filter = Filter::new(demand, &members, distinct);
        filter.collect_live(self);
        let bucket_slot = match steps[0] {
            Step::SpreadAttr(slot) => {
                self.fill_buckets(slot);
                Some(slot)
            }
            _ => None,
        };

        let mut rng = SmallRng::seed_from_u64(request.seed);
        let mut sticky: Option<u32> = None;
        outcome.placements.reserve(request.count.min(1024));
        for placed in 0..request.count {
            let Some(i) = self.choose(&steps, sticky, &mut rng) else {
                outcome.unplaced = request.count - placed;
                outcome.failures = filter.failures(self);
                break;
            };
            let iu = i as usize;
            let gpu_ids = self.book_at(iu, demand);
            if distinct {
                self.scratch.stamp[iu] = self.scratch.gen;
            }
            outcome.placements.push(Placement {
                instance_index: iu,
                instance_id: self.instances[iu].id.clone(),
                gpu_ids,
            });
            let still_live = !distinct && filter.passes_after_booking(self, iu);
            sticky = None;
            if still_live {
                if let Step::Binpack(f) = steps[0] {
                    // Its remaining amount just fell below every other live
                    // instance's (it was the minimum), so it is the unique
                    // minimum next time: no rescan needed.
                    if f.demand_of(demand) > 0 {
                        sticky = Some(i);
                    }
                }
            } else {
                self.drop_live(i, bucket_slot);
            }
        }
        Ok(outcome)
    }

    fn resolve_step(&mut self, s: &Strategy) -> Step {
        match s {
            Strategy::Binpack(f) => Step::Binpack(*f),
            Strategy::Spread(SpreadField::InstanceId) => Step::SpreadInstance,
            Strategy::Spread(SpreadField::Attribute(name)) => {
                Step::SpreadAttr(self.spread_slot(name))
            }
            Strategy::Random => Step::Random,
        }
    }

    /// Evicts caches that would overflow while this request fills them. Eviction
    /// happens only here, before any entry is resolved, so an entry this
    /// request relies on (a spread slot, a memberOf vector) cannot vanish midway.
    fn make_room_in_caches(&mut self, strategies: &[Strategy], constraints: &[Constraint]) {
        let new_spreads = strategies
            .iter()
            .filter(|s| match s {
                Strategy::Spread(SpreadField::Attribute(a)) => !self.spread_slots.contains_key(a),
                _ => false,
            })
            .count();
        if self.spreads.len() + new_spreads > MAX_CACHED {
            self.spreads.clear();
            self.spread_slots.clear();
        }
        let new_members = constraints
            .iter()
            .filter(|c| match c {
                Constraint::MemberOf(m) => {
                    !m.is_dynamic() && !self.member_cache.contains_key(m.source())
                }
                Constraint::DistinctInstance => false,
            })
            .count();
        if self.member_cache.len() + new_members > MAX_CACHED {
            self.member_cache.clear();
        }
        if self.requires_cache.len() >= MAX_CACHED {
            self.requires_cache.clear();
        }
    }

    fn spread_slot(&mut self, name: &str) -> usize {
        if let Some(slot) = self.spread_slots.get(name) {
            return *slot;
        }
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut tasks_per_value = vec![0u64];
        let mut value_of = Vec::with_capacity(self.instances.len());
        for inst in &self.instances {
            let id = match inst.attribute(name).flatten() {
                None => 0,
                Some(v) => *ids.entry(v).or_insert_with(|| {
                    tasks_per_value.push(0);
                    (tasks_per_value.len() - 1) as u32
                }),
            };
            tasks_per_value[id as usize] += u64::from(inst.running_tasks_count);
            value_of.push(id);
        }
        self.spreads.push(SpreadIndex {
            value_of,
            tasks_per_value,
        });
        self.spread_slots
            .insert(name.to_string(), self.spreads.len() - 1);
        self.spreads.len() - 1
    }

    fn ensure_member_cache(&mut self, m: &MemberOf) {
        if self.member_cache.contains_key(m.source()) {
            return;
        }
        let pass = self
            .instances
            .iter()
            .map(|inst| m.expr().matches(inst))
            .collect();
        self.member_cache.insert(m.source().to_string(), pass);
    }

    fn ensure_requires_cache(&mut self, req: &[RequiredAttribute]) {
        if self.requires_cache.contains_key(req) {
            return;
        }
        let pass = self
            .instances
            .iter()
            .map(|inst| {
                req.iter().all(|r| match inst.attribute(&r.name) {
                    None => false,
                    Some(v) => r.value.is_none() || v == r.value.as_deref(),
                })
            })
            .collect();
        self.requires_cache.insert(req.to_vec(), pass);
    }

    fn invalidate_caches(&mut self) {
        self.member_cache.clear();
        self.requires_cache.clear();
        self.spreads.clear();
        self.spread_slots.clear();
    }

    fn next_generation(&mut self) {
        let s = &mut self.scratch;
        s.gen = s.gen.wrapping_add(1);
        if s.gen == 0 {
            s.stamp.iter_mut().for_each(|x| *x = 0);
            s.gen = 1;
        }
    }

    /// Marks the instances already running a task of `group` as excluded.
    fn stamp_group_hosts(&mut self, group: Option<&str>) {
        let Some(hosts) = group.and_then(|g| self.groups.get(g)) else {
            return;
        };
        for (i, n) in hosts {
            if *n > 0 {
                self.scratch.stamp[*i as usize] = self.scratch.gen;
            }
        }
    }

    fn fill_buckets(&mut self, slot: usize) {
        let index = &self.spreads[slot];
        let s = &mut self.scratch;
        s.buckets.iter_mut().for_each(Vec::clear);
        if s.buckets.len() < index.tasks_per_value.len() {
            s.buckets.resize_with(index.tasks_per_value.len(), Vec::new);
        }
        for &i in &s.live {
            s.buckets[index.value_of[i as usize] as usize].push(i);
        }
    }

    fn drop_live(&mut self, i: u32, bucket_slot: Option<usize>) {
        let s = &mut self.scratch;
        if let Some(p) = s.live.iter().position(|x| *x == i) {
            s.live.swap_remove(p);
        }
        if let Some(slot) = bucket_slot {
            let b = &mut s.buckets[self.spreads[slot].value_of[i as usize] as usize];
            if let Some(p) = b.iter().position(|x| *x == i) {
                b.swap_remove(p);
            }
        }
    }

    /// Picks the instance for the next task, or `None` if none can take it.
    fn choose(&mut self, steps: &[Step], sticky: Option<u32>, rng: &mut SmallRng) -> Option<u32> {
        let s = &mut self.scratch;
        if s.live.is_empty() {
            return None;
        }
        s.cands.clear();
        match steps[0] {
            Step::Binpack(_) if sticky.is_some() => return sticky,
            Step::Binpack(f) => {
                let col = match f {
                    BinpackField::Cpu => &self.rem_cpu,
                    BinpackField::Memory => &self.rem_mem,
                };
                min_ties(&s.live, &mut s.cands, |i| col[i as usize]);
            }
            Step::SpreadInstance => min_ties(&s.live, &mut s.cands, |i| self.tasks[i as usize]),
            Step::SpreadAttr(slot) => {
                let counts = &self.spreads[slot].tasks_per_value;
                let min = s
                    .buckets
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| !b.is_empty())
                    .map(|(v, _)| counts[v])
                    .min()?;
                for (v, b) in s.buckets.iter().enumerate() {
                    if !b.is_empty() && counts[v] == min {
                        s.cands.extend_from_slice(b);
                    }
                }
            }
            Step::Random => return Some(s.live[rng.gen_range(0..s.live.len())]),
        }
        for step in &steps[1..] {
            if s.cands.len() <= 1 {
                break;
            }
            match *step {
                Step::Binpack(BinpackField::Cpu) => {
                    narrow(&mut s.cands, |i| self.rem_cpu[i as usize])
                }
                Step::Binpack(BinpackField::Memory) => {
                    narrow(&mut s.cands, |i| self.rem_mem[i as usize])
                }
                Step::SpreadInstance => narrow(&mut s.cands, |i| self.tasks[i as usize]),
                Step::SpreadAttr(slot) => {
                    let index = &self.spreads[slot];
                    narrow(&mut s.cands, |i| {
                        index.tasks_per_value[index.value_of[i as usize] as usize]
                    })
                }
                Step::Random => break,
            }
        }
        match s.cands.len() {
            0 => None,
            1 => Some(s.cands[0]),
            n => Some(s.cands[rng.gen_range(0..n)]),
        }
    }

    /// Books one task on instance `i`, updates every index and returns the GPUs it got.
    fn book_at(&mut self, i: usize, demand: &TaskDemand) -> Vec<String> {
        let gpus = self.instances[i].book(demand);
        self.index_booking(i, demand);
        gpus
    }

    /// Updates every index after a task of `demand` was booked on instance `i`.
    fn index_booking(&mut self, i: usize, demand: &TaskDemand) {
        for s in &mut self.spreads {
            s.tasks_per_value[s.value_of[i] as usize] += 1;
        }
        if let Some(g) = &demand.group {
            *self
                .groups
                .entry(g.clone())
                .or_default()
                .entry(i as u32)
                .or_insert(0) += 1;
        }
        self.refresh_columns(i);
    }

    fn refresh_columns(&mut self, i: usize) {
        let inst = &self.instances[i];
        self.rem_cpu[i] = inst.remaining_cpu();
        self.rem_mem[i] = inst.remaining_memory();
        self.rem_gpu[i] = inst.remaining_gpus();
        self.tasks[i] = inst.running_tasks_count;
        self.schedulable[i] = inst.status.can_take_tasks() && inst.agent_connected;
        self.launch[i] = inst.launch_type;
    }

    fn index_groups(&mut self, i: usize) {
        for (g, n) in &self.instances[i].task_groups {
            if *n > 0 {
                self.groups
                    .entry(g.clone())
                    .or_default()
                    .insert(i as u32, *n);
            }
        }
    }

    fn unindex_groups(&mut self, i: usize) {
        for g in self.instances[i].task_groups.keys() {
            if let Some(hosts) = self.groups.get_mut(g) {
                hosts.remove(&(i as u32));
            }
        }
    }

    /// Recomputes every derived structure from `instances`.
    fn rebuild(&mut self) -> Result<(), ScheduleError> {
        let n = self.instances.len();
        self.by_id.clear();
        for (i, inst) in self.instances.iter().enumerate() {
            if self.by_id.insert(inst.id.clone(), i).is_some() {
                return Err(ScheduleError::DuplicateInstance(inst.id.clone()));
            }
        }
        self.rem_cpu = vec![0; n];
        self.rem_mem = vec![0; n];
        self.rem_gpu = vec![0; n];
        self.tasks = vec![0; n];
        self.schedulable = vec![false; n];
        self.launch = vec![LaunchType::Ec2; n];
        self.scratch.stamp = vec![0; n];
        self.scratch.gen = 0;
        self.groups.clear();
        self.invalidate_caches();
        for i in 0..n {
            self.refresh_columns(i);
            self.index_groups(i);
        }
        Ok(())
    }
}

impl BinpackField {
    fn demand_of(self, d: &TaskDemand) -> i64 {
        match self {
            BinpackField::Cpu => d.cpu,
            BinpackField::Memory => d.memory_mib,
        }
    }
}

/// Collects into `out` the items of `from` with the least `key`.
#[inline]
fn min_ties<K: Ord + Copy>(from: &[u32], out: &mut Vec<u32>, key: impl Fn(u32) -> K) {
    let Some(min) = from.iter().map(|&i| key(i)).min() else {
        return;
    };
    out.extend(from.iter().copied().filter(|&i| key(i) == min));
}

/// Keeps only the items of `cands` with the least `key`.
#[inline]
fn narrow<K: Ord + Copy>(cands: &mut Vec<u32>, key: impl Fn(u32) -> K) {
    let Some(min) = cands.iter().map(|&i| key(i)).min() else {
        return;
    };
    cands.retain(|&i| key(i) == min);
}

/// The per-call filter: what an instance must satisfy to take a task of this
/// request. Borrows nothing from the cluster so the cluster can be mutated
/// between checks; cached results are looked up by key each time.
struct Filter<'r> {
    demand: &'r TaskDemand,
    members: &'r [&'r MemberOf],
    distinct: bool,
    has_ports: bool,
}

/// Why one instance cannot take the task, in the documented precedence.
enum Verdict {
    Pass,
    /// Not considered at all (non-ACTIVE, other launch type): not reported.
    Omit,
    Fail(FailureReason),
}

impl<'r> Filter<'r> {
    fn new(demand: &'r TaskDemand, members: &'r [&'r MemberOf], distinct: bool) -> Filter<'r> {
        let has_ports = !demand.tcp_ports.is_empty() || !demand.udp_ports.is_empty();
        Filter {
            demand,
            members,
            distinct,
            has_ports,
        }
    }

    /// Fills `scratch.live` with every instance that passes. This is the
    /// per-call O(instances) pass, so it checks the cheap columns first.
    fn collect_live(&self, c: &mut Cluster) {
        let d = self.demand;
        // A missing cache entry (never expected: `place` fills them first) reads
        // as an empty vector, which fails every instance: better no placement
        // than one that violates a constraint.
        let static_members: Vec<&[bool]> = self
            .members
            .iter()
            .filter(|m| !m.is_dynamic())
            .map(|m| {
                c.member_cache
                    .get(m.source())
                    .map_or(&[][..], Vec::as_slice)
            })
            .collect();
        let dynamic_members: Vec<&MemberOf> = self
            .members
            .iter()
            .copied()
            .filter(|m| m.is_dynamic())
            .collect();
        let requires: Option<&[bool]> = if d.required_attributes.is_empty() {
            None
        } else {
            Some(
                c.requires_cache
                    .get(&d.required_attributes)
                    .map_or(&[][..], Vec::as_slice),
            )
        };
        let s = &mut c.scratch;
        s.live.clear();
        for i in 0..c.instances.len() {
            if !c.schedulable[i]
                || c.rem_cpu[i] < d.cpu
                || c.rem_mem[i] < d.memory_mib
                || c.rem_gpu[i] < d.gpus
                || d.launch_type.is_some_and(|lt| c.launch[i] != lt)
                || (self.distinct && s.stamp[i] == s.gen)
                || requires.is_some_and(|r| r.get(i) != Some(&true))
                || static_members.iter().any(|m| m.get(i) != Some(&true))
                || (self.has_ports && !ports_free(&c.instances[i], d))
                || dynamic_members
                    .iter()
                    .any(|m| !m.expr().matches(&c.instances[i]))
            {
                continue;
            }
            s.live.push(i as u32);
        }
    }

    /// Whether instance `i`, which just took a task, can take another. Only what
    /// booking changes needs checking: resources, ports and dynamic memberOf.
    fn passes_after_booking(&self, c: &Cluster, i: usize) -> bool {
        let d = self.demand;
        c.rem_cpu[i] >= d.cpu
            && c.rem_mem[i] >= d.memory_mib
            && c.rem_gpu[i] >= d.gpus
            && (!self.has_ports || ports_free(&c.instances[i], d))
            && self
                .members
                .iter()
                .filter(|m| m.is_dynamic())
                .all(|m| m.expr().matches(&c.instances[i]))
    }

    fn verdict(&self, c: &Cluster, i: usize) -> Verdict {
        let d = self.demand;
        let inst = &c.instances[i];
        if !inst.agent_connected {
            return Verdict::Fail(FailureReason::Agent);
        }
        if !inst.status.can_take_tasks() || d.launch_type.is_some_and(|lt| inst.launch_type != lt) {
            return Verdict::Omit;
        }
        let requires_ok = d.required_attributes.is_empty()
            || c.requires_cache
                .get(&d.required_attributes)
                .is_some_and(|r| r[i]);
        if !requires_ok {
            return Verdict::Fail(FailureReason::Attribute);
        }
        let member_ok = self.members.iter().all(|m| {
            if m.is_dynamic() {
                m.expr().matches(inst)
            } else {
                c.member_cache.get(m.source()).is_some_and(|r| r[i])
            }
        });
        if !member_ok {
            return Verdict::Fail(FailureReason::MemberOf);
        }
        if self.distinct && c.scratch.stamp[i] == c.scratch.gen {
            return Verdict::Fail(FailureReason::DistinctInstance);
        }
        if c.rem_cpu[i] < d.cpu {
            return Verdict::Fail(FailureReason::Cpu);
        }
        if c.rem_mem[i] < d.memory_mib {
            return Verdict::Fail(FailureReason::Memory);
        }
        if c.rem_gpu[i] < d.gpus {
            return Verdict::Fail(FailureReason::Gpu);
        }
        if self.has_ports && !ports_free(inst, d) {
            return Verdict::Fail(FailureReason::Ports);
        }
        Verdict::Pass
    }

    /// ECS's failures when no instance can take the next task.
    fn failures(&self, c: &Cluster) -> Vec<PlacementFailure> {
        let mut out = Vec::new();
        for i in 0..c.instances.len() {
            match self.verdict(c, i) {
                Verdict::Fail(reason) => out.push(PlacementFailure {
                    reason,
                    instance_arn: Some(c.instances[i].id.clone()),
                }),
                Verdict::Omit => {}
                // Cannot happen: a passing instance would have been live. Leave
                // it out rather than report a reason that is not true.
                Verdict::Pass => debug_assert!(false, "instance {i} passes but was not live"),
            }
        }
        if out.is_empty() {
            out.push(PlacementFailure {
                reason: FailureReason::NoInstances,
                instance_arn: None,
            });
        }
        out
    }
}

fn ports_free(inst: &Instance, d: &TaskDemand) -> bool {
    d.tcp_ports.iter().all(|p| inst.port_free(*p, false))
        && d.udp_ports.iter().all(|p| inst.port_free(*p, true))
}
