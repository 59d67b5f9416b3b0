namespace Radikalisering.Disclosure;

/// <summary>Why a protection requirement exists.</summary>
internal enum RequirementKind
{
    /// <summary>A cell with 1 ≤ n &lt; k: must look possibly empty and possibly ≥ k.</summary>
    SmallCount,

    /// <summary>A row of a multi-way table whose whole count sits in one cell: the rest of the row must look possibly ≥ k.</summary>
    GroupDisclosure,

    /// <summary>A cell whose change since the earlier publication is between 1 and k − 1.</summary>
    SmallChange,
}
