package dev.drillbook.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * bcrypt password hashes in Modular Crypt Format ({@code $2a$12$…}): checking one, and making one —
 * {@code java -cp "target/quarkus-app/lib/main/*:target/quarkus-app/app/*" dev.drillbook.auth.PasswordCheck}
 * reads a password from standard input and prints its hash (README, "Access").
 */
public final class PasswordCheck {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    private PasswordCheck() {
    }

    /** Whether {@code password} matches the bcrypt {@code hash}; false for a malformed hash (never an exception). */
    public static boolean matches(String hash, String password) {
        if (hash == null || password == null) {
            return false;
        }
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(hash.strip()));
            return factory.verify(stored, password.toCharArray());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the text is a bcrypt hash this class can check. */
    public static boolean isHash(String hash) {
        try {
            return hash != null && ModularCrypt.decode(hash.strip()) instanceof BCryptPassword;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, 12);
    }

    public static void main(String[] args) throws Exception {
        System.err.print("Password: ");
        String password = System.console() != null ? new String(System.console().readPassword())
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.length() < 8) {
            System.err.println("Use at least 8 characters.");
            System.exit(1);
        }
        System.out.println(hash(password));
    }
}
