package io.feedimport.feed;

import java.util.List;
import java.util.Set;

import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BooleanLiteral;
import org.springframework.expression.spel.ast.Elvis;
import org.springframework.expression.spel.ast.FloatLiteral;
import org.springframework.expression.spel.ast.IntLiteral;
import org.springframework.expression.spel.ast.LongLiteral;
import org.springframework.expression.spel.ast.NullLiteral;
import org.springframework.expression.spel.ast.OpAnd;
import org.springframework.expression.spel.ast.OpDivide;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpGE;
import org.springframework.expression.spel.ast.OpGT;
import org.springframework.expression.spel.ast.OpLE;
import org.springframework.expression.spel.ast.OpLT;
import org.springframework.expression.spel.ast.OpMinus;
import org.springframework.expression.spel.ast.OpModulus;
import org.springframework.expression.spel.ast.OpMultiply;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.OpPlus;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.RealLiteral;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.Ternary;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * A field computed from other fields of the same record: a SpEL expression of those fields' names, literals,
 * arithmetic, comparisons, logic, {@code ?:} and {@code a ? b : c}. Nothing else: a method call, a type, a bean, a
 * constructor, a variable, an assignment, an index or a nested property is refused when the definition loads, so an
 * expression reaches no Java object beyond the record's values (it is also evaluated in a context that offers none).
 *
 * @param expression the expression as written
 * @param scale      the decimal places a decimal result is rounded to (half up); null to keep them all
 * @param inputs     the names of the fields it reads
 */
public record Computation(String expression, Integer scale, List<String> inputs) {

    /** The SpEL nodes an expression may have, by what they are: values, fields, operators. */
    private static final Set<Class<? extends SpelNode>> ALLOWED = Set.of(BooleanLiteral.class, FloatLiteral.class,
            IntLiteral.class, LongLiteral.class, NullLiteral.class, RealLiteral.class, StringLiteral.class,
            PropertyOrFieldReference.class, OpPlus.class, OpMinus.class, OpMultiply.class, OpDivide.class, OpModulus.class,
            OpEQ.class, OpNE.class, OpLT.class, OpLE.class, OpGT.class, OpGE.class, OpAnd.class, OpOr.class,
            OperatorNot.class, Elvis.class, Ternary.class);

    public Computation {
        inputs = List.copyOf(inputs);
    }

    /**
     * @return the computation of {@code expression}
     * @throws IllegalArgumentException naming what it may not use, or why it does not parse
     */
    static Computation of(String expression, Integer scale) {
        SpelNode root;
        try {
            root = ((SpelExpression) new SpelExpressionParser().parseExpression(expression)).getAST();
        } catch (ParseException e) {
            throw new IllegalArgumentException("does not parse: " + e.getSimpleMessage());
        }
        java.util.LinkedHashSet<String> inputs = new java.util.LinkedHashSet<>();
        check(root, inputs);
        return new Computation(expression, scale, List.copyOf(inputs));
    }

    private static void check(SpelNode node, Set<String> inputs) {
        if (!ALLOWED.contains(node.getClass())) {
            throw new IllegalArgumentException("may use field names, literals, + - * / %, comparisons, and, or, not, ?:"
                    + " and ? : only; '" + node.toStringAST() + "' is a " + kind(node));
        }
        if (node instanceof PropertyOrFieldReference field) {
            inputs.add(field.getName());
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            check(node.getChild(i), inputs);
        }
    }

    private static String kind(SpelNode node) {
        String name = node.getClass().getSimpleName();
        return switch (name) {
            case "MethodReference" -> "method call";
            case "TypeReference" -> "type reference";
            case "BeanReference" -> "bean reference";
            case "ConstructorReference" -> "constructor";
            case "VariableReference", "FunctionReference" -> "variable or function";
            case "CompoundExpression" -> "nested property or call";
            default -> name;
        };
    }
}
