//! Checks on one article's headings, made as it is loaded (so that they
//! are reported even when its front matter has errors).

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::render::Rendered;

/// Level-1 headings in the body (the page title is the only one), and
/// headings whose words give them the same anchor. `body` starts on file
/// line `body_line`; `rendered` is its rendering.
pub(crate) fn heading_problems(
    path: &str,
    body: &str,
    body_line: usize,
    rendered: &Rendered,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let opening = crate::render::leading_h1(body).map(|(range, _)| range.start);
    let mut positions = crate::diagnostic::Positions::new(body, body_line);
    for (heading, &offset) in rendered.headings.iter().zip(&rendered.heading_offsets) {
        let (line, col) = positions.of(offset);
        if heading.level == 1 {
            let message = if opening == Some(offset) {
                // A title in other words than `title:`: two titles.
                "the body starts with a level-1 heading, and the page already shows `title:` above it: remove this line (or, if it says it better, make it the title)".to_string()
            } else {
                format!(
                    "a level-1 heading: the page title is the only level 1, so a section is `## {}`",
                    heading.text
                )
            };
            found.push(Diagnostic::warning(path, line, col, message));
        }
        let mut anchor = crate::slug::heading_anchor(&heading.text);
        if anchor.is_empty() {
            anchor = "section".into();
        }
        match first_line.get(&anchor) {
            Some(&earlier) => found.push(Diagnostic::warning(
                path,
                line,
                col,
                format!(
                    "heading `{}` has the same words as the heading on line {earlier}, so links to `#{anchor}` go to line {earlier}, and this one is `#{}`: give each heading its own words",
                    heading.text, heading.id
                ),
            )),
            None => {
                first_line.insert(anchor, line);
            }
        }
    }
    found
}
