using Coop.Domain.Audience;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Audience;

public sealed class ContactForm : IPersonFields
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PostalCode { get; set; }
    public string? Tags { get; set; }
    /// <summary>Purposes ticked on a paper form the admin holds: each becomes a consent by the paper channel.</summary>
    public List<Guid> PaperPurposes { get; set; } = [];
    /// <summary>Where the paper form is kept ("Classeur salon 2026, fiche 12").</summary>
    public string? PaperEvidence { get; set; }
    public DateOnly? PaperDate { get; set; }
}

/// <summary>The fields a contact can correct about themselves, checked the same way everywhere.</summary>
public interface IPersonFields
{
    string? Name { get; }
    string? Phone { get; }
    string? PostalCode { get; }
}

public sealed class PersonFieldsValidator : AbstractValidator<IPersonFields>
{
    public PersonFieldsValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(Contact.NameMax).WithMessage(_ => l["Validation.TooLong", Contact.NameMax]);
        RuleFor(x => x.Phone).MaximumLength(Contact.PhoneMax).WithMessage(_ => l["Validation.TooLong", Contact.PhoneMax])
            .Matches("^[0-9 +.()-]*$").WithMessage(_ => l["Validation.Phone"]);
        RuleFor(x => x.PostalCode).MaximumLength(Contact.PostalCodeMax).WithMessage(_ => l["Validation.TooLong", Contact.PostalCodeMax]);
    }
}

public sealed class ContactFormValidator : AbstractValidator<ContactForm>
{
    public ContactFormValidator(IStringLocalizer<SharedResource> l)
    {
        Include(new PersonFieldsValidator(l));
        RuleFor(x => x.Email).Must(e => Contact.NormalizeEmail(e) is not null).WithMessage(_ => l["Validation.Email"]);
        RuleFor(x => x.Tags).MaximumLength(Contact.TagsMax).WithMessage(_ => l["Validation.TooLong", Contact.TagsMax]);
        RuleFor(x => x.PaperEvidence).NotEmpty().WithMessage(_ => l["Audience.PaperEvidenceRequired"]).When(x => x.PaperPurposes.Count > 0);
        RuleFor(x => x.PaperEvidence).MaximumLength(ConsentRecord.EvidenceMax).WithMessage(_ => l["Validation.TooLong", ConsentRecord.EvidenceMax]);
        RuleFor(x => x.PaperDate).NotNull().WithMessage(_ => l["Validation.Required"]).When(x => x.PaperPurposes.Count > 0);
        RuleFor(x => x.PaperDate).Must(d => d is null || d <= DateOnly.FromDateTime(DateTime.UtcNow)).WithMessage(_ => l["Audience.ConsentInFuture"]);
    }
}

public sealed class PurposeForm
{
    public string? Name { get; set; }
    public string? Text { get; set; }
}

public sealed class PurposeFormValidator : AbstractValidator<PurposeForm>
{
    public PurposeFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(Purpose.NameMax).WithMessage(_ => l["Validation.TooLong", Purpose.NameMax]);
        RuleFor(x => x.Text).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(Purpose.TextMax).WithMessage(_ => l["Validation.TooLong", Purpose.TextMax]);
    }
}

public sealed class ImportForm
{
    public ImportEncoding Encoding { get; set; }
    public int? Email { get; set; }
    public int? Name { get; set; }
    public int? Phone { get; set; }
    public int? PostalCode { get; set; }
    public int? Tags { get; set; }
    public int? ConsentDate { get; set; }
    public int? ConsentSource { get; set; }
    public Guid? PurposeId { get; set; }
    public string? Source { get; set; }
    public bool SkipBadLines { get; set; }
    /// <summary>"check" (the dry run) or "import".</summary>
    public string? Action { get; set; }

    public ImportMapping Mapping => new(Email ?? -1, Name, Phone, PostalCode, Tags, ConsentDate, ConsentSource);
}

public sealed class ImportFormValidator : AbstractValidator<ImportForm>
{
    public ImportFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email).NotNull().WithMessage(_ => l["Import.EmailColumnRequired"]);
        RuleFor(x => x.Encoding).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Source).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(Contact.SourceMax).WithMessage(_ => l["Validation.TooLong", Contact.SourceMax]);
        RuleFor(x => x).Must(x => x.ConsentDate is null == (x.ConsentSource is null)).WithMessage(_ => l["Import.ProofColumns"]).OverridePropertyName("ConsentDate");
        RuleFor(x => x.PurposeId).NotNull().WithMessage(_ => l["Import.PurposeForProof"]).When(x => x.ConsentDate is not null);
    }
}

public sealed class SegmentForm
{
    public string? Name { get; set; }
    public Guid? PurposeId { get; set; }
    public string? Tag { get; set; }
    public string? PostalPrefix { get; set; }
}

public sealed class SegmentFormValidator : AbstractValidator<SegmentForm>
{
    public SegmentFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(100).WithMessage(_ => l["Validation.TooLong", 100]);
        RuleFor(x => x.PurposeId).NotNull().WithMessage(_ => l["Audience.SegmentNeedsPurpose"]);
        RuleFor(x => x.Tag).MaximumLength(40).WithMessage(_ => l["Validation.TooLong", 40]);
        RuleFor(x => x.PostalPrefix).MaximumLength(Contact.PostalCodeMax).WithMessage(_ => l["Validation.TooLong", Contact.PostalCodeMax]);
    }
}

public sealed class CampaignForm
{
    public Guid? SegmentId { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
}

public sealed class CampaignFormValidator : AbstractValidator<CampaignForm>
{
    public CampaignFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.SegmentId).NotNull().WithMessage(_ => l["Validation.Required"]);
        RuleFor(x => x.Subject).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(Campaign.SubjectMax).WithMessage(_ => l["Validation.TooLong", Campaign.SubjectMax]);
        RuleFor(x => x.Body).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(Campaign.BodyMax).WithMessage(_ => l["Validation.TooLong", Campaign.BodyMax]);
    }
}

/// <summary>The public subscription form: one box per purpose, none ticked in advance.</summary>
public sealed class SubscribeForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? PostalCode { get; set; }
    public List<Guid> Purposes { get; set; } = [];
    /// <summary>A field people never see; robots fill it.</summary>
    public string? Website { get; set; }
}

public sealed class SubscribeFormValidator : AbstractValidator<SubscribeForm>
{
    public SubscribeFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).MaximumLength(Contact.NameMax).WithMessage(_ => l["Validation.TooLong", Contact.NameMax]);
        RuleFor(x => x.Email).Must(e => Contact.NormalizeEmail(e) is not null).WithMessage(_ => l["Validation.Email"]);
        RuleFor(x => x.PostalCode).MaximumLength(Contact.PostalCodeMax).WithMessage(_ => l["Validation.TooLong", Contact.PostalCodeMax]);
        RuleFor(x => x.Purposes).NotEmpty().WithMessage(_ => l["Subscribe.ChooseOne"]);
    }
}

/// <summary>The contact's own preference page: their details and one box per purpose.</summary>
public sealed class PreferencesForm : IPersonFields
{
    public string? Token { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? PostalCode { get; set; }
    public List<Guid> Purposes { get; set; } = [];
}

public sealed class PreferencesFormValidator : AbstractValidator<PreferencesForm>
{
    public PreferencesFormValidator(IStringLocalizer<SharedResource> l) => Include(new PersonFieldsValidator(l));
}

public sealed class PrivacyRequestForm
{
    public PrivacyRequestKind Kind { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Details { get; set; }
}

public sealed class PrivacyRequestFormValidator : AbstractValidator<PrivacyRequestForm>
{
    public PrivacyRequestFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Name).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Email).Must(e => Contact.NormalizeEmail(e) is not null).WithMessage(_ => l["Validation.Email"]);
        RuleFor(x => x.Details).MaximumLength(PrivacyRequest.DetailsMax).WithMessage(_ => l["Validation.TooLong", PrivacyRequest.DetailsMax]);
    }
}

public sealed class EmailForm
{
    public string? Email { get; set; }
}

public sealed class EmailFormValidator : AbstractValidator<EmailForm>
{
    public EmailFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Email).Must(e => Contact.NormalizeEmail(e) is not null).WithMessage(_ => l["Validation.Email"]);
}

public sealed class CloseRequestForm
{
    public PrivacyRequestStatus Status { get; set; } = PrivacyRequestStatus.Done;
    public string? Answer { get; set; }
}

public sealed class CloseRequestFormValidator : AbstractValidator<CloseRequestForm>
{
    public CloseRequestFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Status).Must(s => s is PrivacyRequestStatus.Done or PrivacyRequestStatus.Refused).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Answer).NotEmpty().WithMessage(_ => l["Privacy.RefusalNeedsReason"]).When(x => x.Status == PrivacyRequestStatus.Refused);
        RuleFor(x => x.Answer).MaximumLength(PrivacyRequest.DetailsMax).WithMessage(_ => l["Validation.TooLong", PrivacyRequest.DetailsMax]);
    }
}

public sealed class ActivityForm
{
    public string? Name { get; set; }
    public string? Purposes { get; set; }
    public string? LegalBasis { get; set; }
    public string? DataCategories { get; set; }
    public string? DataSubjects { get; set; }
    public string? Recipients { get; set; }
    public string? Retention { get; set; }
    public string? Security { get; set; }
}

public sealed class ActivityFormValidator : AbstractValidator<ActivityForm>
{
    public ActivityFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Purposes).MaximumLength(ProcessingActivity.FieldMax).WithMessage(_ => l["Validation.TooLong", ProcessingActivity.FieldMax]);
        RuleFor(x => x.LegalBasis).MaximumLength(ProcessingActivity.FieldMax).WithMessage(_ => l["Validation.TooLong", ProcessingActivity.FieldMax]);
        RuleFor(x => x.DataCategories).MaximumLength(ProcessingActivity.FieldMax).WithMessage(_ => l["Validation.TooLong", ProcessingActivity.FieldMax]);
        RuleFor(x => x.DataSubjects).MaximumLength(ProcessingActivity.FieldMax).WithMessage(_ => l["Validation.TooLong", ProcessingActivity.FieldMax]);
        RuleFor(x => x.Recipients).MaximumLength(ProcessingActivity.FieldMax).WithMessage(_ => l["Validation.TooLong", ProcessingActivity.FieldMax]);
        RuleFor(x => x.Retention).MaximumLength(ProcessingActivity.FieldMax).WithMessage(_ => l["Validation.TooLong", ProcessingActivity.FieldMax]);
        RuleFor(x => x.Security).MaximumLength(ProcessingActivity.FieldMax).WithMessage(_ => l["Validation.TooLong", ProcessingActivity.FieldMax]);
    }
}

public sealed class PrivacySettingsForm
{
    public string? OfficerName { get; set; }
    public string? OfficerEmail { get; set; }
    public int FormerMemberMonths { get; set; } = 12;
}

public sealed class PrivacySettingsFormValidator : AbstractValidator<PrivacySettingsForm>
{
    public PrivacySettingsFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.OfficerName).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.OfficerEmail).Must(e => Contact.NormalizeEmail(e) is not null).WithMessage(_ => l["Validation.Email"]);
        RuleFor(x => x.FormerMemberMonths).InclusiveBetween(1, 120).WithMessage(_ => l["Validation.Between", 1, 120]);
    }
}
