//! Listener rules: CreateRule, DescribeRules, ModifyRule, DeleteRule and SetRulePriorities.
//!
//! Rules belong to the HTTP and HTTPS listeners of Application Load Balancers. Each has a
//! priority from 1 to 50,000, unique within its listener, conditions (`conditions.rs`) and
//! one action (`actions.rs`). Every listener also has a default rule, kept in the listener
//! record: it has the listener's default actions, shows as priority `default`, and can
//! have its actions modified but can be neither deleted nor reprioritised.

use std::collections::{BTreeMap, HashSet};

use berth_api::elbv2::{
    CreateRuleInput, CreateRuleOutput, DeleteRuleInput, DeleteRuleOutput, DescribeRulesInput,
    DescribeRulesOutput, ModifyRuleInput, ModifyRuleOutput, ProtocolEnum, Rule, RuleTransform,
    SetRulePrioritiesInput, SetRulePrioritiesOutput,
};

use super::actions::{normalize_actions, ActionSite};
use super::conditions::normalize_conditions;
use super::records::{ListenerRecord, RuleRecord};
use super::{
    check_named, check_tags, elb_error, invalid_configuration, new_id, page, validation, Change,
    Elbv2Arn, Lookup, RuleRef, MAX_RULES_PER_LOAD_BALANCER,
};
use crate::app::{put_json, App};
use crate::error::Result;
use crate::model::{keys, now};

/// The most rules one SetRulePriorities call may reorder (a load balancer's quota).
const MAX_PRIORITY_PAIRS: usize = MAX_RULES_PER_LOAD_BALANCER;

fn refuse_transforms(transforms: &Option<Vec<RuleTransform>>) -> Result<()> {
    if transforms.as_ref().is_some_and(|t| !t.is_empty()) {
        return Err(validation(
            "Transforms are not supported: berth's load balancer does not rewrite requests.",
        ));
    }
    Ok(())
}

fn check_rules_allowed(listener: &ListenerRecord) -> Result<()> {
    if !matches!(listener.protocol, ProtocolEnum::Http | ProtocolEnum::Https) {
        return Err(invalid_configuration(format!(
            "Rules can only be added to HTTP and HTTPS listeners of Application Load Balancers; listener '{}' is {}.",
            listener.arn, listener.protocol
        )));
    }
    Ok(())
}

fn priority_in_use(priority: i32, listener: &ListenerRecord) -> crate::error::Error {
    elb_error(
        "PriorityInUse",
        format!(
            "Priority {priority} is already used by another rule of listener '{}'.",
            listener.arn
        ),
    )
}

impl App {
    pub async fn create_rule(&self, req: CreateRuleInput) -> Result<CreateRuleOutput> {
        refuse_transforms(&req.transforms)?;
        let conditions = normalize_conditions(&req.conditions)?;
        let tags = req.tags.clone().unwrap_or_default();
        check_tags(&tags)?;
        let id = new_id();
        let created_at = now();
        let output = self
            .elbv2_change(|view| {
                let lookup = Lookup::new(self, view);
                let index = &view.elbv2;
                let listener = &lookup.listener(&req.listener_arn)?.record;
                check_rules_allowed(listener)?;
                let lb = &lookup.load_balancer_of(listener)?.record;
                if index
                    .rules_of(&listener.load_balancer_name, &listener.id)
                    .any(|r| r.record.priority == req.priority)
                {
                    return Err(priority_in_use(req.priority, listener));
                }
                if index.rules_of_load_balancer(&lb.name).count() >= MAX_RULES_PER_LOAD_BALANCER {
                    return Err(elb_error(
                        "TooManyRules",
                        format!(
                            "A load balancer can have at most {MAX_RULES_PER_LOAD_BALANCER} rules besides its default rules."
                        ),
                    ));
                }
                let arn = Self::rule_arn(listener, &id);
                let actions = normalize_actions(
                    &lookup,
                    &ActionSite {
                        load_balancer: lb,
                        protocol: listener.protocol,
                        replacing: None,
                    },
                    &req.actions,
                )?;
                let record = RuleRecord {
                    id: id.clone(),
                    arn,
                    load_balancer_name: listener.load_balancer_name.clone(),
                    listener_id: listener.id.clone(),
                    listener_arn: listener.arn.clone(),
                    priority: req.priority,
                    conditions: conditions.clone(),
                    actions,
                    tags: tags.clone(),
                    created_at,
                };
                let key = keys::elbv2_rule(&listener.load_balancer_name, &listener.id, &id);
                Change::create(key, &record, render_rule(&record))
            })
            .await?;
        Ok(CreateRuleOutput {
            rules: Some(vec![output]),
        })
    }

    pub async fn describe_rules(&self, req: DescribeRulesInput) -> Result<DescribeRulesOutput> {
        let arns = req.rule_arns.unwrap_or_default();
        match (&req.listener_arn, arns.is_empty()) {
            (None, true) => return Err(validation("Give a ListenerArn or RuleArns.")),
            (Some(_), false) => {
                return Err(validation(
                    "Give either a ListenerArn or RuleArns, not both.",
                ))
            }
            _ => {}
        }
        check_named("rules", arns.len())?;
        let view = self.view.read();
        let lookup = Lookup::new(self, &view);
        let index = &view.elbv2;
        // Sorted by listener, then priority, with each listener's default rule last.
        let sort_key = |listener: &str, priority: Option<i32>| match priority {
            Some(p) => format!("{listener}/{p:05}"),
            None => format!("{listener}/default"),
        };
        let mut items: Vec<(String, Rule)> = Vec::new();
        if let Some(listener_arn) = &req.listener_arn {
            let listener = &lookup.listener(listener_arn)?.record;
            for rule in index.rules_of(&listener.load_balancer_name, &listener.id) {
                items.push((
                    sort_key(&listener.arn, Some(rule.record.priority)),
                    render_rule(&rule.record),
                ));
            }
            items.push((sort_key(&listener.arn, None), render_default_rule(listener)));
        } else {
            for arn in &arns {
                items.push(match lookup.rule(arn)? {
                    RuleRef::Default(listener) => (
                        sort_key(&listener.record.arn, None),
                        render_default_rule(&listener.record),
                    ),
                    RuleRef::Rule { rule, .. } => (
                        sort_key(&rule.record.listener_arn, Some(rule.record.priority)),
                        render_rule(&rule.record),
                    ),
                });
            }
        }
        let (rules, next_marker) = page(items, req.page_size, req.marker.as_deref())?;
        Ok(DescribeRulesOutput {
            rules: Some(rules),
            next_marker,
        })
    }

    pub async fn modify_rule(&self, req: ModifyRuleInput) -> Result<ModifyRuleOutput> {
        refuse_transforms(&req.transforms)?;
        let conditions = req
            .conditions
            .as_deref()
            .map(normalize_conditions)
            .transpose()?;
        let output = self
            .elbv2_change(|view| {
                let lookup = Lookup::new(self, view);
                match lookup.rule(&req.rule_arn)? {
                    RuleRef::Default(listener) => {
                        let listener = &listener.record;
                        if conditions.is_some() {
                            return Err(elb_error(
                                "OperationNotPermitted",
                                "A default rule has no conditions; only its actions can be modified.",
                            ));
                        }
                        let Some(actions) = &req.actions else {
                            return Ok(Change::none(render_default_rule(listener)));
                        };
                        let lb = &lookup.load_balancer_of(listener)?.record;
                        let default_actions = normalize_actions(
                            &lookup,
                            &ActionSite {
                                load_balancer: lb,
                                protocol: listener.protocol,
                                replacing: Some(&listener.arn),
                            },
                            actions,
                        )?;
                        let record = ListenerRecord {
                            default_actions,
                            ..listener.clone()
                        };
                        let answer = render_default_rule(&record);
                        let key = keys::elbv2_listener(&listener.load_balancer_name, &listener.id);
                        Change::update(key, listener, &record, answer)
                    }
                    RuleRef::Rule { rule, listener } => {
                        let (rule, listener) = (&rule.record, &listener.record);
                        let lb = &lookup.load_balancer_of(listener)?.record;
                        let actions = match &req.actions {
                            Some(actions) => normalize_actions(
                                &lookup,
                                &ActionSite {
                                    load_balancer: lb,
                                    protocol: listener.protocol,
                                    replacing: Some(&rule.arn),
                                },
                                actions,
                            )?,
                            None => rule.actions.clone(),
                        };
                        let record = RuleRecord {
                            conditions: conditions.clone().unwrap_or_else(|| rule.conditions.clone()),
                            actions,
                            ..rule.clone()
                        };
                        let answer = render_rule(&record);
                        let key = keys::elbv2_rule(&rule.load_balancer_name, &rule.listener_id, &rule.id);
                        Change::update(key, rule, &record, answer)
                    }
                }
            })
            .await?;
        Ok(ModifyRuleOutput {
            rules: Some(vec![output]),
        })
    }

    pub async fn delete_rule(&self, req: DeleteRuleInput) -> Result<DeleteRuleOutput> {
        if !matches!(
            self.parse_elbv2_arn(&req.rule_arn),
            Some(Elbv2Arn::Rule { .. })
        ) {
            return Err(validation(format!(
                "'{}' is not a valid rule ARN.",
                req.rule_arn
            )));
        }
        self.elbv2_change(|view| match Lookup::new(self, view).rule(&req.rule_arn)? {
            RuleRef::Default(_) => Err(elb_error(
                "OperationNotPermitted",
                "A listener's default rule cannot be deleted; delete the listener instead.",
            )),
            RuleRef::Rule { rule, .. } => {
                let rule = &rule.record;
                let key = keys::elbv2_rule(&rule.load_balancer_name, &rule.listener_id, &rule.id);
                Ok(Change::delete(key, Vec::new(), ()))
            }
        })
        .await?;
        Ok(DeleteRuleOutput {})
    }

    /// Sets the priorities of several rules at once: either every new priority is taken,
    /// or none is.
    pub async fn set_rule_priorities(
        &self,
        req: SetRulePrioritiesInput,
    ) -> Result<SetRulePrioritiesOutput> {
        if req.rule_priorities.is_empty() {
            return Err(validation("At least one rule priority must be given."));
        }
        if req.rule_priorities.len() > MAX_PRIORITY_PAIRS {
            return Err(validation(format!(
                "At most {MAX_PRIORITY_PAIRS} rule priorities can be set at once."
            )));
        }
        let mut pairs = Vec::with_capacity(req.rule_priorities.len());
        let mut seen = HashSet::new();
        for pair in &req.rule_priorities {
            let arn = pair
                .rule_arn
                .clone()
                .ok_or_else(|| validation("Every rule priority needs a RuleArn."))?;
            let priority = pair
                .priority
                .ok_or_else(|| validation(format!("The rule '{arn}' needs a Priority.")))?;
            if !seen.insert(arn.clone()) {
                return Err(validation(format!(
                    "The rule '{arn}' is given more than once."
                )));
            }
            pairs.push((arn, priority));
        }
        let output = self
            .elbv2_change(|view| {
                let lookup = Lookup::new(self, view);
                let index = &view.elbv2;
                let mut changed: Vec<RuleRecord> = Vec::new();
                for (arn, priority) in &pairs {
                    match lookup.rule(arn)? {
                        RuleRef::Default(_) => {
                            return Err(elb_error(
                                "OperationNotPermitted",
                                format!("The default rule '{arn}' has no priority to set."),
                            ))
                        }
                        RuleRef::Rule { rule, .. } => changed.push(RuleRecord {
                            priority: *priority,
                            ..rule.record.clone()
                        }),
                    }
                }
                // Each affected listener's priorities after the change must be unique.
                let mut after: BTreeMap<(String, String), BTreeMap<String, i32>> = BTreeMap::new();
                for rule in &changed {
                    let at = (rule.load_balancer_name.clone(), rule.listener_id.clone());
                    after.entry(at.clone()).or_insert_with(|| {
                        index
                            .rules_of(&at.0, &at.1)
                            .map(|r| (r.record.id.clone(), r.record.priority))
                            .collect()
                    });
                }
                for rule in &changed {
                    let at = (rule.load_balancer_name.clone(), rule.listener_id.clone());
                    if let Some(priorities) = after.get_mut(&at) {
                        priorities.insert(rule.id.clone(), rule.priority);
                    }
                }
                for rule in &changed {
                    let at = (rule.load_balancer_name.clone(), rule.listener_id.clone());
                    let taken = after[&at]
                        .iter()
                        .filter(|(id, p)| **p == rule.priority && **id != rule.id)
                        .count();
                    if taken > 0 {
                        return Err(elb_error(
                            "PriorityInUse",
                            format!(
                                "Priority {} would be used by more than one rule of listener '{}'.",
                                rule.priority, rule.listener_arn
                            ),
                        ));
                    }
                }
                let mut ops = Vec::with_capacity(changed.len());
                for rule in &changed {
                    let key =
                        keys::elbv2_rule(&rule.load_balancer_name, &rule.listener_id, &rule.id);
                    ops.push(put_json(key, rule)?);
                }
                let answer: Vec<Rule> = changed.iter().map(render_rule).collect();
                let unchanged = changed.iter().all(|rule| {
                    index
                        .rules
                        .get(&(
                            rule.load_balancer_name.clone(),
                            rule.listener_id.clone(),
                            rule.id.clone(),
                        ))
                        .is_some_and(|r| r.record == *rule)
                });
                if unchanged {
                    return Ok(Change::none(answer));
                }
                Ok(Change::write(ops, answer))
            })
            .await?;
        Ok(SetRulePrioritiesOutput {
            rules: Some(output),
        })
    }
}

pub(crate) fn render_rule(rule: &RuleRecord) -> Rule {
    Rule {
        rule_arn: Some(rule.arn.clone()),
        priority: Some(rule.priority.to_string()),
        conditions: Some(rule.conditions.clone()),
        actions: Some(rule.actions.clone()),
        is_default: Some(false),
        transforms: None,
    }
}

pub(crate) fn render_default_rule(listener: &ListenerRecord) -> Rule {
    Rule {
        rule_arn: Some(App::rule_arn(listener, &listener.default_rule_id)),
        priority: Some("default".to_owned()),
        conditions: Some(Vec::new()),
        actions: Some(listener.default_actions.clone()),
        is_default: Some(true),
        transforms: None,
    }
}
