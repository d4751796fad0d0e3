using Coop.Domain.Community;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Community;

public sealed class ReportForm
{
    public ReportReason Reason { get; set; } = ReportReason.Other;
    public string? CharterArticle { get; set; }
    public string? Details { get; set; }
    /// <summary>Set when the report is about a comment of the post rather than the post.</summary>
    public Guid? CommentId { get; set; }
}

public sealed class ReportFormValidator : AbstractValidator<ReportForm>
{
    public ReportFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Reason).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.CharterArticle).MaximumLength(100).WithMessage(_ => l["Validation.TooLong", 100]);
        RuleFor(x => x.Details).MaximumLength(2000).WithMessage(_ => l["Validation.TooLong", 2000]);
    }
}

public sealed class DecisionForm
{
    public ModerationKind Kind { get; set; } = ModerationKind.Hide;
    public string? Reason { get; set; }
    public int SuspendDays { get; set; } = 7;
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Kind).Must(k => k is ModerationKind.Hide or ModerationKind.Delete or ModerationKind.Warn or ModerationKind.Suspend or ModerationKind.Dismiss)
            .WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Moderation.ReasonRequired"]).MaximumLength(2000).WithMessage(_ => l["Validation.TooLong", 2000]);
        RuleFor(x => x.SuspendDays).InclusiveBetween(1, 365).WithMessage(_ => l["Validation.ValueInvalid"]);
    }
}

public sealed class AppealForm
{
    public string? Text { get; set; }
}

public sealed class AppealFormValidator : AbstractValidator<AppealForm>
{
    public AppealFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Text).NotEmpty().WithMessage(_ => l["Moderation.AppealRequired"]).MaximumLength(2000).WithMessage(_ => l["Validation.TooLong", 2000]);
}
