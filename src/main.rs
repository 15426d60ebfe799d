fn main() {
    println!("fazhi");
}
