//! The ECS cluster query language: parsed once into an [`Expr`], then evaluated
//! against each [`Instance`].
//!
//! Grammar (keywords are lower case, as ECS documents them):
//! ```text
//! expr      := and (("or" | "||") and)*
//! and       := unary (("and" | "&&") unary)*
//! unary     := ("not" | "!") unary | "(" expr ")" | predicate
//! predicate := subject ( "exists" | "not_exists" | "!exists"
//!                      | cmp value | ("in" | "not_in" | "!in") list
//!                      | ("=~" | "matches" | "!~" | "not_matches") value )
//! cmp       := "==" | "equals" | "!=" | "not_equals" | ">" | "greater_than"
//!            | ">=" | "greater_than_equal" | "<" | "less_than" | "<=" | "less_than_equal"
//! list      := ("[" | "(") value ("," value)* ("]" | ")")
//! value     := word | 'quoted' | "quoted"
//! subject   := attribute:NAME | ec2InstanceType | ec2InstanceId | registeredAt
//!            | runningTasksCount | agentConnected | agentVersion | task:group
//! ```
//! Semantics: a negative operator (`!=`, `not_in`, `!~`, `not_exists`) is exactly
//! the negation of its positive form, so a missing attribute satisfies
//! `attribute:x != a`. `task:group` holds every group on the instance and a
//! positive operator holds if any of them satisfies it. Comparisons are numeric
//! when both sides parse as numbers, version-wise for `agentVersion`, by time for
//! `registeredAt`, and otherwise by string.

mod pattern;
mod time;

use std::cmp::Ordering;
use std::fmt;

pub use pattern::Pattern;
pub use time::parse_timestamp;

use crate::error::ScheduleError;
use crate::model::Instance;

/// ECS's limit on the length of a constraint expression.
pub const MAX_EXPRESSION_LEN: usize = 2000;
/// How deeply `not` and parentheses may nest; it bounds the parser's recursion.
pub const MAX_DEPTH: usize = 32;

/// A parsed cluster query.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Pred(Predicate),
}

/// `subject operator [argument]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Predicate {
    pub subject: Subject,
    pub op: Op,
}

/// What a predicate looks at on an instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Attribute(String),
    Ec2InstanceType,
    Ec2InstanceId,
    RegisteredAt,
    RunningTasksCount,
    AgentConnected,
    AgentVersion,
    TaskGroup,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

/// An operator with its argument.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Exists,
    NotExists,
    Cmp(CmpOp, Literal),
    In(Vec<Literal>),
    NotIn(Vec<Literal>),
    Matches(Pattern),
    NotMatches(Pattern),
}

/// An argument, with its numeric and time readings computed once at parse time.
#[derive(Debug, Clone, PartialEq)]
pub struct Literal {
    pub text: String,
    num: Option<f64>,
    time: Option<f64>,
}

impl Literal {
    fn new(text: String) -> Literal {
        let num = parse_number(&text);
        let time = parse_timestamp(&text).or(num);
        Literal { text, num, time }
    }
}

fn parse_number(s: &str) -> Option<f64> {
    // `f64::from_str` also accepts "inf" and "NaN"; attribute values like "nan"
    // must stay strings.
    let t = s.strip_prefix(['-', '+']).unwrap_or(s);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    s.parse().ok()
}

impl Subject {
    /// Whether the subject's value can change when a task is placed, which
    /// decides whether a memberOf result may be cached across placements.
    pub fn is_dynamic(&self) -> bool {
        matches!(self, Subject::RunningTasksCount | Subject::TaskGroup)
    }

    fn allows(&self, op: &Op) -> bool {
        let ordering = matches!(
            op,
            Op::Cmp(CmpOp::Gt | CmpOp::Ge | CmpOp::Lt | CmpOp::Le, _)
        );
        let set_or_pattern = matches!(
            op,
            Op::In(_) | Op::NotIn(_) | Op::Matches(_) | Op::NotMatches(_)
        );
        match self {
            // ECS documents these operator sets per subject.
            Subject::AgentConnected | Subject::Ec2InstanceId | Subject::TaskGroup => !ordering,
            Subject::AgentVersion | Subject::RegisteredAt | Subject::RunningTasksCount => {
                !set_or_pattern
            }
            Subject::Attribute(_) | Subject::Ec2InstanceType => true,
        }
    }
}

impl Expr {
    /// Parses an expression, enforcing ECS's length limit and a nesting limit.
    pub fn parse(src: &str) -> Result<Expr, ScheduleError> {
        let len = src.chars().count();
        if len > MAX_EXPRESSION_LEN {
            return Err(ScheduleError::ExpressionTooLong {
                len,
                max: MAX_EXPRESSION_LEN,
            });
        }
        let tokens = lex(src)?;
        let mut p = Parser {
            tokens,
            pos: 0,
            depth: 0,
            end: len,
        };
        let expr = p.or()?;
        if let Some(t) = p.peek() {
            return Err(p.error_at(t.pos, "'and', 'or' or the end of the expression", &t.kind));
        }
        Ok(expr)
    }

    /// Whether any predicate reads state that placing a task changes.
    pub fn is_dynamic(&self) -> bool {
        match self {
            Expr::And(a, b) | Expr::Or(a, b) => a.is_dynamic() || b.is_dynamic(),
            Expr::Not(e) => e.is_dynamic(),
            Expr::Pred(p) => p.subject.is_dynamic(),
        }
    }

    /// Evaluates the expression against one instance.
    pub fn matches(&self, inst: &Instance) -> bool {
        match self {
            Expr::And(a, b) => a.matches(inst) && b.matches(inst),
            Expr::Or(a, b) => a.matches(inst) || b.matches(inst),
            Expr::Not(e) => !e.matches(inst),
            Expr::Pred(p) => p.matches(inst),
        }
    }
}

/// One value of a subject on an instance.
#[derive(Clone, Copy)]
enum Value<'a> {
    Str(&'a str),
    Num(f64),
    Time(f64),
    Version(&'a str),
    Bool(bool),
}

impl Value<'_> {
    fn compare(self, lit: &Literal) -> Option<Ordering> {
        match self {
            Value::Str(s) => match (parse_number(s), lit.num) {
                (Some(a), Some(b)) => a.partial_cmp(&b),
                _ => Some(s.cmp(&lit.text)),
            },
            Value::Num(n) => n.partial_cmp(&lit.num?),
            Value::Time(t) => t.partial_cmp(&lit.time?),
            Value::Version(v) => Some(compare_versions(v, &lit.text)),
            Value::Bool(b) => Some(
                if lit
                    .text
                    .eq_ignore_ascii_case(if b { "true" } else { "false" })
                {
                    Ordering::Equal
                } else {
                    Ordering::Less
                },
            ),
        }
    }

    fn is_match(self, p: &Pattern) -> bool {
        match self {
            Value::Str(s) | Value::Version(s) => p.is_match(s),
            Value::Bool(b) => p.is_match(if b { "true" } else { "false" }),
            Value::Num(n) | Value::Time(n) => p.is_match(&n.to_string()),
        }
    }
}

/// Compares dotted versions component by component (`1.10.0 > 1.9.2`), falling
/// back to string order when a component is not a number.
fn compare_versions(a: &str, b: &str) -> Ordering {
    let strip = |s: &str| s.strip_prefix(['v', 'V']).unwrap_or(s).to_string();
    let (sa, sb) = (strip(a), strip(b));
    let parse = |s: &str| {
        s.split('.')
            .map(|c| c.parse::<u64>().ok())
            .collect::<Option<Vec<_>>>()
    };
    match (parse(&sa), parse(&sb)) {
        (Some(x), Some(y)) => {
            let n = x.len().max(y.len());
            let pad = |v: &Vec<u64>, i: usize| v.get(i).copied().unwrap_or(0);
            (0..n)
                .map(|i| pad(&x, i).cmp(&pad(&y, i)))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        }
        _ => sa.cmp(&sb),
    }
}

impl Predicate {
    fn matches(&self, inst: &Instance) -> bool {
        // Positive operators hold if any value satisfies them; negative ones are
        // their exact negation.
        let any = |f: &dyn Fn(Value<'_>) -> bool| -> bool {
            match &self.subject {
                Subject::TaskGroup => inst
                    .task_groups
                    .iter()
                    .any(|(g, n)| *n > 0 && f(Value::Str(g))),
                s => single_value(s, inst).is_some_and(f),
            }
        };
        match &self.op {
            Op::Exists => exists(&self.subject, inst),
            Op::NotExists => !exists(&self.subject, inst),
            Op::Cmp(CmpOp::Ne, lit) => !any(&|v| v.compare(lit) == Some(Ordering::Equal)),
            Op::Cmp(op, lit) => any(&|v| {
                v.compare(lit).is_some_and(|o| match op {
                    CmpOp::Eq => o.is_eq(),
                    CmpOp::Gt => o.is_gt(),
                    CmpOp::Ge => o.is_ge(),
                    CmpOp::Lt => o.is_lt(),
                    CmpOp::Le => o.is_le(),
                    CmpOp::Ne => o.is_ne(),
                })
            }),
            Op::In(list) => any(&|v| list.iter().any(|l| v.compare(l) == Some(Ordering::Equal))),
            Op::NotIn(list) => {
                !any(&|v| list.iter().any(|l| v.compare(l) == Some(Ordering::Equal)))
            }
            Op::Matches(p) => any(&|v| v.is_match(p)),
            Op::NotMatches(p) => !any(&|v| v.is_match(p)),
        }
    }
}

fn single_value<'a>(subject: &Subject, inst: &'a Instance) -> Option<Value<'a>> {
    Some(match subject {
        // A value-less attribute exists (see `exists`) but has nothing to compare.
        Subject::Attribute(name) => Value::Str(inst.attribute(name).flatten()?),
        Subject::Ec2InstanceType => Value::Str(inst.instance_type()?),
        Subject::Ec2InstanceId => Value::Str(inst.ec2_instance_id.as_deref()?),
        Subject::RegisteredAt => Value::Time(inst.registered_at),
        Subject::RunningTasksCount => Value::Num(f64::from(inst.running_tasks_count)),
        Subject::AgentConnected => Value::Bool(inst.agent_connected),
        Subject::AgentVersion => Value::Version(inst.agent_version.as_deref()?),
        Subject::TaskGroup => return None,
    })
}

fn exists(subject: &Subject, inst: &Instance) -> bool {
    match subject {
        Subject::Attribute(name) => inst.attribute(name).is_some(),
        Subject::TaskGroup => inst.task_groups.values().any(|n| *n > 0),
        s => single_value(s, inst).is_some(),
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Attribute(a) => write!(f, "attribute:{a}"),
            Subject::Ec2InstanceType => f.write_str("ec2InstanceType"),
            Subject::Ec2InstanceId => f.write_str("ec2InstanceId"),
            Subject::RegisteredAt => f.write_str("registeredAt"),
            Subject::RunningTasksCount => f.write_str("runningTasksCount"),
            Subject::AgentConnected => f.write_str("agentConnected"),
            Subject::AgentVersion => f.write_str("agentVersion"),
            Subject::TaskGroup => f.write_str("task:group"),
        }
    }
}

// ---------------------------------------------------------------------------
// Lexer

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Bang,
    AndAnd,
    OrOr,
    /// `==`, `!=`, `>`, `>=`, `<`, `<=`, `=~`, `!~`.
    Sym(&'static str),
    Word(String),
    Quoted(String),
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::LParen => f.write_str("'('"),
            Kind::RParen => f.write_str("')'"),
            Kind::LBracket => f.write_str("'['"),
            Kind::RBracket => f.write_str("']'"),
            Kind::Comma => f.write_str("','"),
            Kind::Bang => f.write_str("'!'"),
            Kind::AndAnd => f.write_str("'&&'"),
            Kind::OrOr => f.write_str("'||'"),
            Kind::Sym(s) => write!(f, "'{s}'"),
            Kind::Word(w) => write!(f, "'{w}'"),
            Kind::Quoted(w) => write!(f, "\"{w}\""),
        }
    }
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    /// Character offset of the token's first character.
    pos: usize,
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !"()[],'\"=!<>&|~".contains(c)
}

fn lex(src: &str) -> Result<Vec<Token>, ScheduleError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let err = |pos: usize, expected: &str, found: String| ScheduleError::InvalidExpression {
        position: pos,
        expected: expected.to_string(),
        found,
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let start = i;
        let kind = match c {
            _ if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '(' => Kind::LParen,
            ')' => Kind::RParen,
            '[' => Kind::LBracket,
            ']' => Kind::RBracket,
            ',' => Kind::Comma,
            '=' if next == Some('=') => Kind::Sym("=="),
            '=' if next == Some('~') => Kind::Sym("=~"),
            '=' => return Err(err(i, "'==' or '=~'", "'='".into())),
            '!' if next == Some('=') => Kind::Sym("!="),
            '!' if next == Some('~') => Kind::Sym("!~"),
            '!' => Kind::Bang,
            '>' if next == Some('=') => Kind::Sym(">="),
            '>' => Kind::Sym(">"),
            '<' if next == Some('=') => Kind::Sym("<="),
            '<' => Kind::Sym("<"),
            '&' if next == Some('&') => Kind::AndAnd,
            '&' => return Err(err(i, "'&&'", "'&'".into())),
            '|' if next == Some('|') => Kind::OrOr,
            '|' => return Err(err(i, "'||'", "'|'".into())),
            '\'' | '"' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|x| *x == c)
                    .ok_or_else(|| err(i, "a closing quote", "the end of the expression".into()))?;
                let text: String = chars[i + 1..i + 1 + close].iter().collect();
                i += close + 2;
                out.push(Token {
                    kind: Kind::Quoted(text),
                    pos: start,
                });
                continue;
            }
            '~' => return Err(err(i, "'=~' or '!~'", "'~'".into())),
            _ => {
                let len = chars[i..].iter().take_while(|c| is_word_char(**c)).count();
                let text: String = chars[i..i + len].iter().collect();
                i += len;
                out.push(Token {
                    kind: Kind::Word(text),
                    pos: start,
                });
                continue;
            }
        };
        i += match kind {
            Kind::Sym(s) => s.len(),
            Kind::AndAnd | Kind::OrOr => 2,
            _ => 1,
        };
        out.push(Token { kind, pos: start });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Parser

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
    /// Character length of the source, the position reported at its end.
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn error_at(&self, position: usize, expected: &str, found: &Kind) -> ScheduleError {
        ScheduleError::InvalidExpression {
            position,
            expected: expected.to_string(),
            found: found.to_string(),
        }
    }

    fn error_here(&self, expected: &str) -> ScheduleError {
        match self.peek() {
            Some(t) => self.error_at(t.pos, expected, &t.kind),
            None => ScheduleError::InvalidExpression {
                position: self.end,
                expected: expected.to_string(),
                found: "the end of the expression".to_string(),
            },
        }
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Token { kind: Kind::Word(x), .. }) if x == w)
    }

    fn or(&mut self) -> Result<Expr, ScheduleError> {
        let mut lhs = self.and()?;
        while self.is_word("or")
            || matches!(
                self.peek(),
                Some(Token {
                    kind: Kind::OrOr,
                    ..
                })
            )
        {
            self.pos += 1;
            let rhs = self.and()?;
            lhs = Expr::Or(Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }

    fn and(&mut self) -> Result<Expr, ScheduleError> {
        let mut lhs = self.unary()?;
        while self.is_word("and")
            || matches!(
                self.peek(),
                Some(Token {
                    kind: Kind::AndAnd,
                    ..
                })
            )
        {
            self.pos += 1;
            let rhs = self.unary()?;
            lhs = Expr::And(Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<Expr, ScheduleError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ScheduleError::ExpressionTooDeep { max: MAX_DEPTH });
        }
        let out = match self.peek().map(|t| &t.kind) {
            Some(Kind::Bang) => {
                self.pos += 1;
                Expr::Not(Box::new(self.unary()?))
            }
            Some(Kind::Word(w)) if w == "not" => {
                self.pos += 1;
                Expr::Not(Box::new(self.unary()?))
            }
            Some(Kind::LParen) => {
                self.pos += 1;
                let e = self.or()?;
                match self.peek() {
                    Some(Token {
                        kind: Kind::RParen, ..
                    }) => self.pos += 1,
                    _ => return Err(self.error_here("')'")),
                }
                e
            }
            _ => Expr::Pred(self.predicate()?),
        };
        self.depth -= 1;
        Ok(out)
    }

    fn predicate(&mut self) -> Result<Predicate, ScheduleError> {
        const SUBJECTS: &str = "a subject (attribute:NAME, ec2InstanceType, ec2InstanceId, \
             registeredAt, runningTasksCount, agentConnected, agentVersion, task:group)";
        let (subject, subject_pos) = match self.peek() {
            Some(Token {
                kind: Kind::Word(w),
                pos,
            }) => {
                let s = match w.as_str() {
                    "ec2InstanceType" => Subject::Ec2InstanceType,
                    "ec2InstanceId" => Subject::Ec2InstanceId,
                    "registeredAt" => Subject::RegisteredAt,
                    "runningTasksCount" => Subject::RunningTasksCount,
                    "agentConnected" => Subject::AgentConnected,
                    "agentVersion" => Subject::AgentVersion,
                    "task:group" => Subject::TaskGroup,
                    w => match w.strip_prefix("attribute:") {
                        Some(name) if !name.is_empty() => Subject::Attribute(name.to_string()),
                        _ => return Err(self.error_here(SUBJECTS)),
                    },
                };
                (s, *pos)
            }
            _ => return Err(self.error_here(SUBJECTS)),
        };
        self.pos += 1;
        let op = self.operator(&subject)?;
        if !subject.allows(&op) {
            return Err(ScheduleError::InvalidExpression {
                position: subject_pos,
                expected: format!("an operator {subject} supports"),
                found: op_name(&op).to_string(),
            });
        }
        Ok(Predicate { subject, op })
    }

    fn operator(&mut self, subject: &Subject) -> Result<Op, ScheduleError> {
        const OPERATORS: &str = "an operator (==, !=, >, >=, <, <=, in, not_in, exists, \
             not_exists, =~, !~ or their word forms)";
        let Some(tok) = self.peek().cloned() else {
            return Err(self.error_here(OPERATORS));
        };
        self.pos += 1;
        let name = match &tok.kind {
            Kind::Sym(s) => (*s).to_string(),
            Kind::Word(w) => w.clone(),
            Kind::Bang => match self.peek().map(|t| &t.kind) {
                Some(Kind::Word(w)) if w == "exists" || w == "in" => {
                    let name = format!("not_{w}");
                    self.pos += 1;
                    name
                }
                _ => return Err(self.error_here("'exists' or 'in' after '!'")),
            },
            other => return Err(self.error_at(tok.pos, OPERATORS, other)),
        };
        let cmp = match name.as_str() {
            "exists" => return Ok(Op::Exists),
            "not_exists" => return Ok(Op::NotExists),
            "in" => return Ok(Op::In(self.list(subject)?)),
            "not_in" => return Ok(Op::NotIn(self.list(subject)?)),
            "=~" | "matches" => return Ok(Op::Matches(self.pattern()?)),
            "!~" | "not_matches" => return Ok(Op::NotMatches(self.pattern()?)),
            "==" | "equals" => CmpOp::Eq,
            "!=" | "not_equals" => CmpOp::Ne,
            ">" | "greater_than" => CmpOp::Gt,
            ">=" | "greater_than_equal" => CmpOp::Ge,
            "<" | "less_than" => CmpOp::Lt,
            "<=" | "less_than_equal" => CmpOp::Le,
            _ => return Err(self.error_at(tok.pos, OPERATORS, &tok.kind)),
        };
        Ok(Op::Cmp(cmp, self.literal(subject)?))
    }

    /// A value, checked against what the subject compares as: `registeredAt`
    /// needs a date and `runningTasksCount` a number, so a typo fails at parse
    /// time instead of silently matching nothing.
    fn literal(&mut self, subject: &Subject) -> Result<Literal, ScheduleError> {
        let (text, pos) = self.value()?;
        let lit = Literal::new(text);
        let expected = match subject {
            Subject::RegisteredAt if lit.time.is_none() => {
                "a date such as 2018-06-18 or 2018-06-18T22:28:28Z"
            }
            Subject::RunningTasksCount if lit.num.is_none() => "a number",
            _ => return Ok(lit),
        };
        Err(ScheduleError::InvalidExpression {
            position: pos,
            expected: expected.to_string(),
            found: format!("'{}'", lit.text),
        })
    }

    /// The next value and the position of its first character (inside the
    /// quotes for a quoted value, so pattern errors point at the right place).
    fn value(&mut self) -> Result<(String, usize), ScheduleError> {
        let out = match self.peek() {
            Some(Token {
                kind: Kind::Word(w),
                pos,
            }) => (w.clone(), *pos),
            Some(Token {
                kind: Kind::Quoted(w),
                pos,
            }) => (w.clone(), *pos + 1),
            _ => return Err(self.error_here("a value")),
        };
        self.pos += 1;
        Ok(out)
    }

    fn pattern(&mut self) -> Result<Pattern, ScheduleError> {
        let (text, pos) = self.value()?;
        Pattern::compile(&text).map_err(|e| ScheduleError::InvalidExpression {
            position: pos + e.offset,
            expected: e.expected.to_string(),
            found: format!("pattern {text:?}"),
        })
    }

    fn list(&mut self, subject: &Subject) -> Result<Vec<Literal>, ScheduleError> {
        let close = match self.peek().map(|t| &t.kind) {
            Some(Kind::LBracket) => Kind::RBracket,
            Some(Kind::LParen) => Kind::RParen,
            _ => return Err(self.error_here("'[' to start a list")),
        };
        self.pos += 1;
        let mut items = vec![self.literal(subject)?];
        loop {
            match self.peek().map(|t| &t.kind) {
                Some(Kind::Comma) => {
                    self.pos += 1;
                    items.push(self.literal(subject)?);
                }
                Some(k) if *k == close => {
                    self.pos += 1;
                    return Ok(items);
                }
                _ => return Err(self.error_here(&format!("',' or {close}"))),
            }
        }
    }
}

fn op_name(op: &Op) -> &'static str {
    match op {
        Op::Exists => "exists",
        Op::NotExists => "not_exists",
        Op::Cmp(CmpOp::Eq, _) => "==",
        Op::Cmp(CmpOp::Ne, _) => "!=",
        Op::Cmp(CmpOp::Gt, _) => ">",
        Op::Cmp(CmpOp::Ge, _) => ">=",
        Op::Cmp(CmpOp::Lt, _) => "<",
        Op::Cmp(CmpOp::Le, _) => "<=",
        Op::In(_) => "in",
        Op::NotIn(_) => "not_in",
        Op::Matches(_) => "=~",
        Op::NotMatches(_) => "!~",
    }
}

#[cfg(test)]
mod tests;
