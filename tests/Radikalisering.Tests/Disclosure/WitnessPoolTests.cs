using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// The pool answers audit questions from cubes found earlier. Its answers must be ones the solver would give:
/// a move repeated or reversed only while no count goes negative, never through a printed figure it changes,
/// never outside the question's scope.
/// </summary>
public class WitnessPoolTests
{
    private static readonly Cube Year = new([Tables.Reporter], [4, 3, 10]);
    private static readonly bool[] WholeCube = [true, true, true];
    private static readonly bool[] WithoutFirstCell = [false, true, true];

    /// <summary>Table cells: 0 the total, 1 to 3 the reporters; cube cells 0 to 2 the reporters. The move shifts two records from cube cell 0 to 1.</summary>
    private static WitnessPool PoolWithOneMove()
    {
        var pool = new WitnessPool(LinkedTables.Build(Year, [Tables.Total, Tables.By("reporter")]));
        pool.Add([0, 1], [-2, 2]);
        return pool;
    }

    private static bool OnlyTotalPublished(int index) => index == 0;

    [Fact]
    public void A_move_is_repeated_while_every_count_stays_non_negative()
    {
        var pool = PoolWithOneMove();

        Assert.True(pool.Answers(new WitnessQuery([], [1], AtMost: null, AtLeast: 7), OnlyTotalPublished, WholeCube));
        Assert.False(pool.Answers(new WitnessQuery([], [1], AtMost: null, AtLeast: 9), OnlyTotalPublished, WholeCube));
    }

    [Fact]
    public void A_move_is_taken_backwards_to_lower_a_sum()
    {
        var pool = PoolWithOneMove();

        Assert.True(pool.Answers(new WitnessQuery([], [1], AtMost: 1, AtLeast: null), OnlyTotalPublished, WholeCube));
    }

    [Fact]
    public void A_known_record_must_survive_the_move()
    {
        var pool = PoolWithOneMove();

        Assert.False(pool.Answers(new WitnessQuery([0], [1], AtMost: null, AtLeast: 7), OnlyTotalPublished, WholeCube));
        Assert.True(pool.Answers(new WitnessQuery([0], [1], AtMost: null, AtLeast: 5), OnlyTotalPublished, WholeCube));
    }

    [Fact]
    public void A_move_that_changes_a_printed_figure_or_leaves_the_scope_answers_nothing()
    {
        var pool = PoolWithOneMove();
        var query = new WitnessQuery([], [1], AtMost: null, AtLeast: 5);

        Assert.False(pool.Answers(query, index => index is 0 or 2, WholeCube));
        Assert.False(pool.Answers(query, OnlyTotalPublished, WithoutFirstCell));
    }

    [Fact]
    public void The_true_cube_answers_what_it_already_meets()
    {
        var pool = new WitnessPool(LinkedTables.Build(Year, [Tables.Total]));

        Assert.True(pool.Answers(new WitnessQuery([0], [1], AtMost: 3, AtLeast: null), _ => true, WholeCube));
        Assert.False(pool.Answers(new WitnessQuery([], [1], AtMost: 2, AtLeast: null), _ => true, WholeCube));
    }

    [Fact]
    public void A_layer_answers_from_its_own_cubes_and_keeps_them_to_itself()
    {
        var pool = PoolWithOneMove();
        var layer = pool.Layer();
        var fromPool = new WitnessQuery([], [0], AtMost: null, AtLeast: 6);
        var fromLayer = new WitnessQuery([], [2], AtMost: null, AtLeast: 11);

        layer.Add([1, 2], [-1, 1]);

        Assert.True(layer.Answers(fromLayer, OnlyTotalPublished, WholeCube));
        Assert.False(pool.Answers(fromLayer, OnlyTotalPublished, WholeCube));
        Assert.True(pool.Answers(fromPool, OnlyTotalPublished, WholeCube));
        Assert.False(layer.Answers(fromPool, OnlyTotalPublished, WholeCube));
    }
}
