using Coop.Domain.Governance;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

public sealed class AssemblyForm
{
    public string? Title { get; set; }
    public DecisionType Type { get; set; } = DecisionType.OrdinaryAssembly;
    public DateTime? ScheduledAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public string? Documents { get; set; }
    public bool CorrespondenceVoting { get; set; }
    public int NoticeDays { get; set; } = Assembly.DefaultNoticeDays;
}

public sealed class AssemblyFormValidator : AbstractValidator<AssemblyForm>
{
    public AssemblyFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Type).Must(t => t is DecisionType.OrdinaryAssembly or DecisionType.ExtraordinaryAssembly).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.ScheduledAt).NotNull().WithMessage(_ => l["Validation.Required"]);
        RuleFor(x => x.Place).MaximumLength(300).WithMessage(_ => l["Validation.TooLong", 300]);
        RuleFor(x => x.OnlineLink).MaximumLength(500).WithMessage(_ => l["Validation.TooLong", 500])
            .Must(u => string.IsNullOrWhiteSpace(u) || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            .WithMessage(_ => l["Validation.Url"]);
        RuleFor(x => x.Place).Must((f, p) => !string.IsNullOrWhiteSpace(p) || !string.IsNullOrWhiteSpace(f.OnlineLink)).WithMessage(_ => l["Assembly.PlaceOrLink"]);
        RuleFor(x => x.Documents).MaximumLength(4000).WithMessage(_ => l["Validation.TooLong", 4000]);
        RuleFor(x => x.NoticeDays).InclusiveBetween(0, 90).WithMessage(_ => l["Validation.ValueInvalid"]);
    }
}

public sealed class ResolutionForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public DecisionType DecisionType { get; set; } = DecisionType.OrdinaryAssembly;
    public bool Secret { get; set; }
    public bool ElectsPeople { get; set; }
    public bool BackedByBoard { get; set; }
}

public sealed class ResolutionFormValidator : AbstractValidator<ResolutionForm>
{
    public ResolutionFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Body).MaximumLength(20_000).WithMessage(_ => l["Validation.TooLong", 20_000]);
        RuleFor(x => x.DecisionType).Must(t => t is DecisionType.OrdinaryAssembly or DecisionType.ExtraordinaryAssembly).WithMessage(_ => l["Validation.ValueInvalid"]);
    }
}

public sealed class SessionForm
{
    public Guid ChairId { get; set; }
    public Guid SecretaryId { get; set; }
}

public sealed class AttendanceForm
{
    public Guid MemberId { get; set; }
    public Attendance Attendance { get; set; }
}

public sealed class ProxyForm
{
    /// <summary>The member who will carry the vote; empty for a blank proxy (to the chair).</summary>
    public Guid? HolderId { get; set; }
}

public sealed class AdjournForm
{
    public DateTime? SecondDate { get; set; }
}

public sealed class AdjournFormValidator : AbstractValidator<AdjournForm>
{
    public AdjournFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.SecondDate).NotNull().WithMessage(_ => l["Validation.Required"]);
}
