using System.ComponentModel.DataAnnotations;

namespace Radikalisering.Core.Retention;

/// <summary>The <c>Retention</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>How many years after a year's report was sent its concerns are kept.</summary>
    [Range(1, 100)]
    public int YearsAfterReport { get; set; } = 5;
}
