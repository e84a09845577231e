namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>A parsed field expression; <see cref="Position"/> is the 0-based character where it starts.</summary>
internal abstract record Expression(int Position);

/// <summary><c>internet.email</c>, <c>finance.amount(1,500)</c>, <c>index</c>, or a bare word inside <c>pick(…)</c>.</summary>
internal sealed record CallExpression(string Name, IReadOnlyList<Expression> Arguments, bool HasParentheses, int Position) : Expression(Position);

/// <summary><c>42</c>, <c>-1.5</c>.</summary>
internal sealed record NumberExpression(string Text, decimal Value, int Position) : Expression(Position);

/// <summary><c>'text'</c> or <c>"text"</c>.</summary>
internal sealed record TextExpression(string Value, int Position) : Expression(Position);

/// <summary><c>1..5</c>: a count or size drawn per item.</summary>
internal sealed record RangeExpression(long Min, long Max, int Position) : Expression(Position);
