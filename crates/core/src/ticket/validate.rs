//! Checks on what the user typed, each with a message fit to show beside
//! the field. Limits keep a ticket within what a mailto link, a webhook
//! and the browser's storage can carry.

use super::draft::{Field, TicketDraft};
use super::TicketConfig;

/// The most characters a name may have.
pub const MAX_NAME_CHARS: usize = 100;
/// The most characters an email address may have (RFC 5321's limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The most characters a subject may have.
pub const MAX_SUBJECT_CHARS: usize = 150;
/// The most characters a description may have (long logs go in a file).
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
/// The fewest characters a description may have: "help" says too little.
pub const MIN_DESCRIPTION_CHARS: usize = 10;

/// A problem with what the user typed in one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field, for the message beside it and the link to it.
    pub field: Field,
    /// What is wrong and how to fix it, fit to show beside the field.
    pub message: String,
}

/// An address that can go into a message body and be replied to. Strict on
/// purpose: no spaces, no control characters, nothing a mail header or a
/// `mailto:` URL treats as a separator.
pub fn email_address(address: &str) -> Result<(), &'static str> {
    if address.chars().count() > MAX_EMAIL_CHARS {
        return Err("is too long");
    }
    if address
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\\\"?&=%".contains(c))
    {
        return Err("must not contain spaces or any of < > ( ) [ ] , ; : \\ \" ? & = %");
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err("needs an @, as in name@example.com");
    };
    if local.is_empty() || local.contains('@') {
        return Err("needs one @ with a name before it, as in name@example.com");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-'))
    {
        return Err("needs a domain after the @, as in name@example.com");
    }
    Ok(())
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Every problem with the draft, in the order the fields appear on the form.
pub fn validate(draft: &TicketDraft, config: &TicketConfig) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut fail = |field, message: String| errors.push(FieldError { field, message });

    let name = draft.name.trim();
    if name.is_empty() {
        fail(Field::Name, "Enter your name.".into());
    } else if chars(name) > MAX_NAME_CHARS {
        fail(
            Field::Name,
            format!("Keep your name under {MAX_NAME_CHARS} characters."),
        );
    }

    let email = draft.email.trim();
    if email.is_empty() {
        fail(
            Field::Email,
            "Enter your email address, so support can reply.".into(),
        );
    } else if let Err(why) = email_address(email) {
        fail(Field::Email, format!("This email address {why}."));
    }

    let subject = draft.subject.trim();
    if subject.is_empty() {
        fail(
            Field::Subject,
            "Enter a subject: the problem in a few words.".into(),
        );
    } else if chars(subject) > MAX_SUBJECT_CHARS {
        fail(
            Field::Subject,
            format!(
                "Keep the subject under {MAX_SUBJECT_CHARS} characters (now {}); put details in the description.",
                chars(subject)
            ),
        );
    }

    let description = draft.description.trim();
    if chars(description) < MIN_DESCRIPTION_CHARS {
        fail(
            Field::Description,
            "Describe what happens, what you expected, and what you have tried.".into(),
        );
    } else if chars(description) > MAX_DESCRIPTION_CHARS {
        fail(
            Field::Description,
            format!(
                "Keep the description under {MAX_DESCRIPTION_CHARS} characters (now {}); attach a file for long logs.",
                chars(description)
            ),
        );
    }

    if let Some(attachment) = &draft.attachment {
        if let Err(why) = super::attachment::check(
            &attachment.name,
            attachment.size,
            config.max_attachment_bytes(),
        ) {
            fail(Field::Attachment, why);
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in [
            "a@b.co",
            "first.last+tag@mail.example.com",
            "o'neil@example.ie",
        ] {
            assert_eq!(email_address(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rejects_addresses_that_could_inject_headers_or_recipients() {
        for bad in [
            "",
            "plain",
            "a@b",
            "@example.com",
            "a@@example.com",
            "a@example..com",
            "a b@example.com",
            "a@example.com\r\nBcc: victim@example.com",
            "a@example.com,b@example.com",
            "a@example.com?cc=b@example.com",
            "a@example.com&body=x",
            "<a@example.com>",
            "a%0d%0a@example.com",
        ] {
            assert!(email_address(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
